namespace IotService.Contracts.Replay;

/// <summary>
/// One period in which the replayed rule would have fired. <paramref name="ClearedAt"/> is null when it was still
/// firing at the end of the range; <paramref name="PeakValue"/> is the most extreme value while firing (for one raised
/// by the multivariate detector, its score). <paramref name="Why"/> is the explanation the alarm would have carried.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReplayFiring(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] DateTimeOffset RaisedAt,
    [property: Id(2)] DateTimeOffset? ClearedAt,
    [property: Id(3)] double PeakValue,
    [property: Id(4)] string Why);
