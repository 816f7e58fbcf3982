namespace IotService.Contracts.Models;

/// <summary>The rule kinds of SPEC §6, as spelled in <see cref="RuleDefinition.Kind"/>.</summary>
public static class RuleKinds
{
    public const string Threshold = "threshold";
    public const string NoData = "nodata";
    public const string Anomaly = "anomaly";
    public const string Forecast = "forecast";

    public static readonly IReadOnlyList<string> All = [Threshold, NoData, Anomaly, Forecast];
}
