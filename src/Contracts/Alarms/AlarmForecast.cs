namespace IotService.Contracts.Alarms;

/// <summary>
/// When a forecast expects its property to cross <paramref name="Limit"/>: at <paramref name="CrossingAt"/>, and
/// within the confidence band not before <paramref name="Earliest"/> nor after <paramref name="Latest"/> (null: maybe never).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlarmForecast(
    [property: Id(0)] double Limit,
    [property: Id(1)] DateTimeOffset CrossingAt,
    [property: Id(2)] DateTimeOffset Earliest,
    [property: Id(3)] DateTimeOffset? Latest);
