using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Notifications;

/// <summary>How alarm changes wait between the device grain and the clients and webhooks that hear of them.</summary>
public sealed class AlarmNotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>Alarm changes waiting to be sent; when full, the oldest waiting change is dropped (counted and logged).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long looking up a customer's owner and supervisor may take before the change goes to staff instead.</summary>
    [Range(0.01, 600)]
    public double CustomerLookupTimeoutSeconds { get; set; } = 5;
}
