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
}
