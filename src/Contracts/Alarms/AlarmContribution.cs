namespace IotService.Contracts.Alarms;

/// <summary>One property's share (0 to 1) of a multivariate anomaly, with its observed and expected values.</summary>
[GenerateSerializer, Immutable]
public sealed record AlarmContribution(
    [property: Id(0)] string Property,
    [property: Id(1)] double Share,
    [property: Id(2)] double Observed,
    [property: Id(3)] double Expected);
