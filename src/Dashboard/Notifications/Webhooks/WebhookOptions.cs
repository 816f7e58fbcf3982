using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>Where alarm notifications are delivered by webhook, and how hard delivery tries (SPEC §6).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Receivers by target name: <c>owner</c>, <c>supervisor</c>, <c>customer:cust-1</c> or <c>default</c>.
    /// In JSON a name with a colon may be written as a key or nested (<c>"customer": { "cust-1": { … } }</c>).
    /// </summary>
    public Dictionary<string, WebhookTarget> Targets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Attempts per delivery, the first included, before it is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; it doubles for each further attempt.</summary>
    [Range(0.001, 86_400)]
    public double InitialBackoffSeconds { get; set; } = 1;

    /// <summary>Longest wait between two attempts.</summary>
    [Range(0.001, 86_400)]
    public double MaxBackoffSeconds { get; set; } = 300;

    /// <summary>How long one attempt may take before it counts as a timeout (and is retried).</summary>
    [Range(0.01, 600)]
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries kept in memory for <c>GET /api/webhooks/deliveries</c>; the oldest go first.</summary>
    [Range(1, 1_000_000)]
    public int DeliveryLogSize { get; set; } = 1000;

    /// <summary>Deliveries waiting per target; when full, the oldest waiting one is dropped.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1000;
}
