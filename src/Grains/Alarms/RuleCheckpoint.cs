namespace IotService.Grains.Alarms;

/// <summary>
/// What one rule of one device remembers between readings, persisted with the device. Mutable so the hot path
/// updates it in place instead of allocating per reading. <see cref="Fingerprint"/> identifies the rule definition
/// it was built for: when a model edit changes the rule, the checkpoint starts afresh.
/// </summary>
[GenerateSerializer]
public sealed class RuleCheckpoint
{
    [Id(0)] public string Fingerprint { get; set; } = "";

    /// <summary>Threshold rules: first reading time of the current run that met the condition.</summary>
    [Id(1)] public DateTimeOffset? PendingSince { get; set; }

    [Id(2)] public bool Firing { get; set; }

    /// <summary>Threshold rules: newest reading time evaluated; older readings are ignored.</summary>
    [Id(3)] public DateTimeOffset? LastEvaluated { get; set; }

    /// <summary>
    /// No-data rules: silence is counted from no earlier than this — when the rule started watching the device
    /// (first activation with the rule, a model edit) or a person last cleared its alarm. So a new rule gives every
    /// device one full period, and a cleared alarm of a device that stays quiet returns after another full period.
    /// </summary>
    [Id(4)] public DateTimeOffset WatchingSince { get; set; }
}
