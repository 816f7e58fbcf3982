using System.Collections.Immutable;
using System.Text.Json;
using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Rules.Alarms;
using IotService.Rules.Thresholds;
using LifecycleState = IotService.Rules.Alarms.AlarmState;
using RecordState = IotService.Contracts.Alarms.AlarmState;

namespace IotService.Grains.Alarms;

/// <summary>
/// Moves between the stored <see cref="AlarmRecord"/> and the pure <see cref="Alarm"/> of <c>src/Rules</c>, so every
/// lifecycle step goes through <see cref="AlarmLifecycle"/> (one tested set of rules) while the record keeps what
/// only the hub knows: model, customer, explanation, work order.
/// </summary>
internal static class AlarmRecords
{
    public static Alarm ToLifecycle(AlarmRecord record) =>
        new(record.Id, record.DeviceId, record.RuleId, (RuleSeverity)record.Severity, (LifecycleState)record.State,
            record.RaisedAt, record.LastValue ?? double.NaN, record.History.Select(ToEntry).ToImmutableList())
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
            Severity = (Severity)alarm.Severity,
            State = (RecordState)alarm.State,
            History = alarm.History.Select(ToStep).ToList(),
            AcknowledgedAt = alarm.AcknowledgedAt,
            AcknowledgedBy = alarm.AcknowledgedBy,
            ClearedAt = alarm.ClearedAt,
            ClearedBy = alarm.ClearedBy,
            EscalationLevel = alarm.EscalationLevel,
            LastValue = double.IsNaN(alarm.LastValue) ? record.LastValue : alarm.LastValue,
            UpdatedAt = RowStamps.Later(record.UpdatedAt, now),
        };

    /// <summary>The camelCase event name used in <see cref="AlarmStep.Event"/>, SignalR and webhooks.</summary>
    public static string EventName(AlarmEvent kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());


    private static AlarmStep ToStep(AlarmHistoryEntry entry) =>
        new(EventName(entry.Event), entry.At, entry.Actor, (RecordState)entry.State, (Severity)entry.Severity);

    private static AlarmHistoryEntry ToEntry(AlarmStep step) =>
        new(Enum.Parse<AlarmEvent>(step.Event, ignoreCase: true), step.At, step.Actor, (LifecycleState)step.State, (RuleSeverity)step.Severity);
}
