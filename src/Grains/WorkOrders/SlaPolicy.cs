using IotService.Contracts.Customers;
using IotService.Contracts.WorkOrders;

namespace IotService.Grains.WorkOrders;

/// <summary>
/// How long a job may take from creation to completion, by customer tier and priority (SPEC §8). The hours are
/// the defaults of <see cref="WorkOrderOptions.SlaHours"/>; an order without a customer is treated as standard.
/// </summary>
public static class SlaPolicy
{
    public static TimeSpan Target(WorkOrderOptions options, CustomerTier tier, WorkOrderPriority priority)
    {
        var key = $"{tier}-{priority}".ToLowerInvariant();
        return TimeSpan.FromHours(options.SlaHours.GetValueOrDefault(key, WorkOrderOptions.DefaultSlaHours[key]));
    }

    /// <summary>
    /// When a new order is due: by the SLA, or sooner when whoever created it needs it sooner (<paramref name="wanted"/>:
    /// a predictive order must be done before the forecast crossing). Never later than the SLA, which is the customer's promise.
    /// </summary>
    public static DateTimeOffset Due(DateTimeOffset? wanted, DateTimeOffset slaDue) => wanted is { } due && due < slaDue ? due : slaDue;
}
