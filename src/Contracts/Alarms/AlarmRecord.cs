using IotService.Contracts.Common;

namespace IotService.Contracts.Alarms;

/// <summary>
/// One alarm of one rule on one device, as stored, listed and sent to clients. The device grain owns it while it
/// is open; cleared alarms live on in the alarm catalog. <see cref="WorkOrderId"/> links the work order it raised.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlarmRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string ModelId,
    [property: Id(3)] string? CustomerId,
    [property: Id(4)] string RuleId,
    [property: Id(5)] string RuleKind,
    [property: Id(6)] Severity Severity,
    [property: Id(7)] AlarmState State,
    [property: Id(8)] DateTimeOffset RaisedAt,
    [property: Id(9)] AlarmExplanation Explanation,
    [property: Id(10)] IReadOnlyList<AlarmStep> History,
    [property: Id(11)] DateTimeOffset UpdatedAt)
{
    [Id(12)] public DateTimeOffset? AcknowledgedAt { get; init; }

    [Id(13)] public string? AcknowledgedBy { get; init; }

    [Id(14)] public DateTimeOffset? ClearedAt { get; init; }

    [Id(15)] public string? ClearedBy { get; init; }

    /// <summary>How many times it was escalated to the supervisor for want of an acknowledgement (0 = never).</summary>
    [Id(16)] public int EscalationLevel { get; init; }

    [Id(17)] public string? WorkOrderId { get; init; }

    /// <summary>The rule's property value at the alarm's latest rule step (raise, clear); null for no-data alarms.</summary>
    [Id(18)] public double? LastValue { get; init; }

    public bool IsOpen => State != AlarmState.Cleared;
}
