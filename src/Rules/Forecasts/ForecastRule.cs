namespace IotService.Rules.Forecasts;

/// <summary>
/// A forecast rule (SPEC §6, predictive maintenance): fires when the trend of <paramref name="Property"/> is
/// predicted to cross <paramref name="Limit"/> within <paramref name="HorizonSeconds"/>. Which way it crosses is
/// read from the data: a limit above the level is a rising crossing, one below a falling crossing.
/// </summary>
public sealed record ForecastRule(string Id, string Property, double Limit, double HorizonSeconds)
{
    /// <summary>The trend's time constant, <see cref="ForecastModel.TimeConstantOfHorizon"/> of the horizon.</summary>
    public double TimeConstantSeconds => HorizonSeconds * ForecastModel.TimeConstantOfHorizon;
}
