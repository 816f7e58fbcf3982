using System.Collections.Immutable;

namespace IotService.Rules.Alarms;

/// <summary>
/// One alarm of one rule on one device. Immutable: <see cref="AlarmLifecycle"/> returns a new value per step.
/// <see cref="EscalationLevel"/> counts supervisor escalations (0 = none), separate from severity changes.
/// The hub stores and sends alarms as the contract's record; the lifecycle keeps types of its own because Rules
/// depends on nothing of ours (SPEC §1). The device grain maps between the two in one place, member by member.
/// </summary>
public sealed record Alarm(
    string Id,
    string DeviceId,
    string RuleId,
    RuleSeverity Severity,
    AlarmPhase State,
    DateTimeOffset RaisedAt,
    double LastValue,
    ImmutableList<AlarmHistoryEntry> History)
{
    public DateTimeOffset? AcknowledgedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? ClearedAt { get; init; }

    public string? ClearedBy { get; init; }

    public int EscalationLevel { get; init; }

    public bool IsEscalated => EscalationLevel > 0;

    public bool IsOpen => State != AlarmPhase.Cleared;
}
