using IotService.Contracts.Common;
using IotService.Contracts.Models;

namespace IotService.Dashboard.Demo;

/// <summary>Shorthands that keep the demo model table readable.</summary>
public static class DemoRules
{
    /// <summary>The escalation ladder every demo model uses: the worse the alarm, the more people hear of it.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Actions = new Dictionary<string, IReadOnlyList<string>>
    {
        ["critical"] = ["notifyOwner", "notifySupervisor", "notifyCustomer", "createWorkOrder"],
        ["major"] = ["notifyOwner", "createWorkOrder"],
        ["minor"] = ["notifyOwner"],
    };

    public static RuleDefinition Threshold(string id, string property, string op, double value, double durationSeconds, double? clearValue, Severity severity)
        => new(id, RuleKinds.Threshold, severity, property, op, value, DurationSeconds: durationSeconds, ClearValue: clearValue);

    /// <summary>A device that goes quiet for this long raises an alarm.</summary>
    public static RuleDefinition Silent(double seconds = 900, Severity severity = Severity.Major)
        => new("silent", RuleKinds.NoData, severity, Seconds: seconds);

    /// <summary>The property an anomaly rule over every property of its model names.</summary>
    public const string RuleSpecAll = "all";

    public static RuleDefinition Anomaly(string id, string property, double sensitivity, Severity severity = Severity.Minor)
        => new(id, RuleKinds.Anomaly, severity, property, Sensitivity: sensitivity);

    /// <summary>Predictive maintenance: warns when the trend reaches <paramref name="limit"/> within <paramref name="horizonDays"/>.</summary>
    public static RuleDefinition Forecast(string id, string property, double limit, double horizonDays, Severity severity = Severity.Warning)
        => new(id, RuleKinds.Forecast, severity, property, Limit: limit, HorizonSeconds: horizonDays * 86_400);

    public static SignalShape Analog(double baseline, double daily = 0, double peakHour = 15, double noise = 0, double driftPerDay = 0, double driftPeriodDays = 0, double? fault = null, FaultKind faultKind = FaultKind.Stuck)
        => new(SignalKind.Analog, baseline, daily, peakHour, noise, driftPerDay, driftPeriodDays, fault, faultKind);

    public static SignalShape Flag(bool normallyOn, bool faults = false)
        => new(SignalKind.Flag, normallyOn ? 1 : 0, FaultValue: faults ? (normallyOn ? 0 : 1) : null);

    public static SignalShape Step(double baseline, double noise = 0, double? fault = null)
        => new(SignalKind.Step, baseline, Noise: noise, FaultValue: fault);
}
