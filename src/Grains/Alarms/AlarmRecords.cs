using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Rules.Alarms;
using IotService.Storage.Catalogs;

namespace IotService.Grains.Alarms;

/// <summary>
/// Moves between the stored <see cref="AlarmRecord"/> and the pure <see cref="Alarm"/> of <c>src/Rules</c>, so every
/// lifecycle step goes through <see cref="AlarmLifecycle"/> (one tested set of rules) while the record keeps what
/// only the hub knows: model, customer, explanation, work order. The lifecycle's phases, steps and severities are
/// mapped member by member, never by number, so the two sides cannot drift apart silently.
/// </summary>
internal static class AlarmRecords
{
    public static Alarm ToLifecycle(AlarmRecord record) =>
        new(record.Id, record.DeviceId, record.RuleId, ToLifecycle(record.Severity), ToLifecycle(record.State),
            record.RaisedAt, record.LastValue ?? double.NaN, [.. record.History.Select(ToEntry)])
        {
            AcknowledgedAt = record.AcknowledgedAt,
            AcknowledgedBy = record.AcknowledgedBy,
            ClearedAt = record.ClearedAt,
            ClearedBy = record.ClearedBy,
            EscalationLevel = record.EscalationLevel,
        };

    /// <summary>The record after <paramref name="alarm"/>'s lifecycle step; <paramref name="now"/> stamps the row.</summary>
    public static AlarmRecord Apply(AlarmRecord record, Alarm alarm, DateTimeOffset now) =>
        record with
        {
            Severity = ToRecord(alarm.Severity),
            State = ToRecord(alarm.State),
            History = [.. alarm.History.Select(ToStep)],
            AcknowledgedAt = alarm.AcknowledgedAt,
            AcknowledgedBy = alarm.AcknowledgedBy,
            ClearedAt = alarm.ClearedAt,
            ClearedBy = alarm.ClearedBy,
            EscalationLevel = alarm.EscalationLevel,
            LastValue = double.IsNaN(alarm.LastValue) ? record.LastValue : alarm.LastValue,
            UpdatedAt = RowStamps.Later(record.UpdatedAt, now),
        };

    public static RuleSeverity ToLifecycle(Severity severity) => severity switch
    {
        Severity.Warning => RuleSeverity.Warning,
        Severity.Minor => RuleSeverity.Minor,
        Severity.Major => RuleSeverity.Major,
        Severity.Critical => RuleSeverity.Critical,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "An alarm always has a severity."),
    };

    /// <summary>The camelCase event name used in <see cref="AlarmStep.Event"/>, SignalR and webhooks.</summary>
    public static string EventName(AlarmStepKind kind) => kind switch
    {
        AlarmStepKind.Raised => "raised",
        AlarmStepKind.Acknowledged => "acknowledged",
        AlarmStepKind.Cleared => "cleared",
        AlarmStepKind.SeverityRaised => "severityRaised",
        AlarmStepKind.Escalated => "escalated",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static AlarmStepKind StepKind(string name) => name switch
    {
        "raised" => AlarmStepKind.Raised,
        "acknowledged" => AlarmStepKind.Acknowledged,
        "cleared" => AlarmStepKind.Cleared,
        "severityRaised" => AlarmStepKind.SeverityRaised,
        "escalated" => AlarmStepKind.Escalated,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an alarm step."),
    };

    private static Severity ToRecord(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Warning => Severity.Warning,
        RuleSeverity.Minor => Severity.Minor,
        RuleSeverity.Major => Severity.Major,
        RuleSeverity.Critical => Severity.Critical,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    private static AlarmPhase ToLifecycle(AlarmState state) => state switch
    {
        AlarmState.Active => AlarmPhase.Active,
        AlarmState.Acknowledged => AlarmPhase.Acknowledged,
        AlarmState.Cleared => AlarmPhase.Cleared,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static AlarmState ToRecord(AlarmPhase phase) => phase switch
    {
        AlarmPhase.Active => AlarmState.Active,
        AlarmPhase.Acknowledged => AlarmState.Acknowledged,
        AlarmPhase.Cleared => AlarmState.Cleared,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    private static AlarmStep ToStep(AlarmHistoryEntry entry) =>
        new(EventName(entry.Event), entry.At, entry.Actor, ToRecord(entry.State), ToRecord(entry.Severity)) { Note = entry.Note };

    private static AlarmHistoryEntry ToEntry(AlarmStep step) =>
        new(StepKind(step.Event), step.At, step.Actor, ToLifecycle(step.State), ToLifecycle(step.Severity), step.Note);
}
