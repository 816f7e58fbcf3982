using IotService.Rules.Kinds;

namespace IotService.Grains.Alarms;

/// <summary>
/// What one rule of one device remembers, persisted with the device. <see cref="Fingerprint"/> identifies the rule
/// definition it was built for: when a model edit changes the rule, the state starts afresh. The state itself is
/// the rule kind's: live in <see cref="Live"/> while the device is active (updated in place, never serialised per
/// reading), stored as its kind's checkpoint bytes in <see cref="Data"/>.
/// </summary>
/// <remarks>
/// Ids 1–4 held the threshold and no-data fields before each kind owned its state (pending since, firing, last
/// evaluated, watching since); they are never reused. A checkpoint stored in that form loads with
/// <see cref="Data"/> null, and the rule starts afresh as after an edit: open alarms stay open and are cleared by
/// the rule as before, a pending duration or a silence count restarts from the first activation after the upgrade.
/// </remarks>
[GenerateSerializer]
public sealed class RuleCheckpoint
{
    // Serialised through Data, whose getter may read the live state instead.
    [NonSerialized]
    private byte[]? _data;

    [Id(0)] public string Fingerprint { get; set; } = "";

    /// <summary>
    /// The kind's checkpoint. Read while <see cref="Live"/> is set, it is taken from the live state, so whenever the
    /// device's state is written (Orleans' serializer reads this property) it holds the state of that moment.
    /// </summary>
    [Id(5)]
    public byte[]? Data
    {
        get => Live?.Checkpoint() ?? _data;
        set => _data = value;
    }

    /// <summary>The rule's state in this activation; null until the rule first runs (then restored from <see cref="Data"/>).</summary>
    [field: NonSerialized]
    internal IRuleState? Live { get; set; }

    /// <summary>The compiled rule <see cref="Live"/> belongs to; another compilation of the same definition restores from its checkpoint.</summary>
    [field: NonSerialized]
    internal ICompiledRule? LiveOwner { get; set; }
}
