namespace IotService.Contracts.Dispatching;

/// <summary>
/// How an order's arrival moves against its SLA when the override is made: the estimated arrival (now + travel) in the
/// plan and in the pinned plan, the difference in minutes, and whether each arrives after <see cref="DueAt"/>. Null
/// arrival and breach values mean the order has no technician in that plan.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SlaChange(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string? DeviceId,
    [property: Id(2)] DateTimeOffset? DueAt,
    [property: Id(3)] DateTimeOffset? EtaBefore,
    [property: Id(4)] DateTimeOffset? EtaAfter,
    [property: Id(5)] double? DeltaMinutes,
    [property: Id(6)] bool? BreachedBefore,
    [property: Id(7)] bool? BreachedAfter);
