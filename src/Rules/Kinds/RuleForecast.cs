namespace IotService.Rules.Kinds;

/// <summary>
/// A forecast's prediction: the trend crosses <paramref name="Limit"/> at <paramref name="CrossingAt"/>, and with the
/// confidence band not before <paramref name="Earliest"/> nor (if ever) after <paramref name="Latest"/>.
/// </summary>
public sealed record RuleForecast(double Limit, DateTimeOffset CrossingAt, DateTimeOffset Earliest, DateTimeOffset? Latest);
