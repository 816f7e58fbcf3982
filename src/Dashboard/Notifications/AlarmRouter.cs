using IotService.Contracts.Alarms;
using IotService.Contracts.Customers;
using IotService.Dashboard.Live;

namespace IotService.Dashboard.Notifications;

/// <summary>
/// Decides who hears of an alarm change (SPEC §5, §6). Pure: the customer is looked up by the caller, and null
/// when the alarm has none or the lookup failed, in which case the owner's and supervisor's share goes to staff.
/// </summary>
public static class AlarmRouter
{
    /// <summary>The webhook target used when the audience's own target is not configured.</summary>
    public const string DefaultTarget = "default";

    public const string EventTypePrefix = "alarm.";

    /// <param name="isTargetConfigured">Whether a webhook target of that name exists.</param>
    /// <param name="forCustomer">What the customer may see of the alarm (see AlarmVisibility); unchanged when null.</param>
    public static AlarmRoute Plan(
        AlarmChange change, CustomerDefinition? customer, Func<string, bool> isTargetConfigured, Func<AlarmRecord, AlarmRecord>? forCustomer = null)
    {
        var alarm = change.Alarm;
        var customerView = forCustomer?.Invoke(alarm) ?? alarm;
        var customerId = string.IsNullOrEmpty(alarm.CustomerId) ? null : alarm.CustomerId;
        var live = new List<LiveMessage>();
        var webhooks = new List<AlarmWebhook>();

        var alarmEvent = new AlarmEvent(change.Event, alarm);
        live.Add(new LiveMessage(LiveGroups.Staff, LiveMethods.Alarm, alarmEvent));
        if (customerId is not null)
        {
            live.Add(new LiveMessage(LiveGroups.Customer(customerId), LiveMethods.Alarm, new AlarmEvent(change.Event, customerView)));
        }

        foreach (var audience in change.Notify.Distinct())
        {
            if (Recipient(audience, customer, customerId) is not { } recipient)
            {
                continue;
            }

            var (name, group, target) = recipient;
            var notification = new AlarmNotification(name, change.Event, audience == NotifyAudience.Customer ? customerView : alarm);
            live.Add(new LiveMessage(group, LiveMethods.Notification, notification));
            if (WebhookTarget(target, isTargetConfigured) is { } configured)
            {
                webhooks.Add(new AlarmWebhook(configured, EventTypePrefix + change.Event, notification));
            }
        }

        return new AlarmRoute(live, webhooks);
    }

    /// <summary>The audience's name in payloads, its SignalR group and its own webhook target; null when there is nobody to tell.</summary>
    private static (string Name, string Group, string Target)? Recipient(NotifyAudience audience, CustomerDefinition? customer, string? customerId) => audience switch
    {
        NotifyAudience.Owner => ("owner", UserOrStaff(customer?.Owner), "owner"),
        NotifyAudience.Supervisor => ("supervisor", UserOrStaff(customer?.Supervisor), "supervisor"),
        NotifyAudience.Customer when customerId is not null => ("customer", LiveGroups.Customer(customerId), "customer:" + customerId),
        _ => null,
    };

    private static string UserOrStaff(string? userName)
        => string.IsNullOrWhiteSpace(userName) ? LiveGroups.Staff : LiveGroups.User(userName);

    private static string? WebhookTarget(string target, Func<string, bool> isTargetConfigured)
        => isTargetConfigured(target) ? target
            : isTargetConfigured(DefaultTarget) ? DefaultTarget
            : null;
}
