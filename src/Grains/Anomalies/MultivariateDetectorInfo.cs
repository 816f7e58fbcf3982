namespace IotService.Grains.Anomalies;

/// <summary>
/// What a model's multivariate detector is, for people: its version (null: none yet), when and on what it was
/// trained, the version it replaced, and the outcome of the last training attempt.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MultivariateDetectorInfo(
    [property: Id(0)] string ModelId,
    [property: Id(1)] int? Version,
    [property: Id(2)] DateTimeOffset? TrainedAt,
    [property: Id(3)] long Rows,
    [property: Id(4)] int Devices,
    [property: Id(5)] IReadOnlyList<string> Properties,
    [property: Id(6)] int Rank,
    [property: Id(7)] int? PreviousVersion,
    [property: Id(8)] DateTimeOffset? LastAttemptAt,
    [property: Id(9)] string? LastOutcome);
