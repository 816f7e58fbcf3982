using IotService.Rules.Kinds;
using IotService.Rules.Planned;

namespace IotService.Rules.Tests.Planned;

public sealed class DeclaredKindTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnAnomalyRuleChecksItsSensitivity()
    {
        Assert.Empty(DeclaredKind.Anomaly.Compile(new RuleSpec("odd", "anomaly", "rpm", Sensitivity: 0.5), RuleScope.Empty).Errors);
        Assert.Empty(DeclaredKind.Anomaly.Compile(new RuleSpec("odd", "anomaly"), RuleScope.Empty).Errors);
        Assert.Equal(
            [new FieldError("sensitivity", "0 to 1")],
            DeclaredKind.Anomaly.Compile(new RuleSpec("odd", "anomaly", Sensitivity: 1.5), RuleScope.Empty).Errors);
    }

    [Fact]
    public void AForecastRuleNeedsAPropertyALimitAndAHorizon()
        => Assert.Equal(
            [new FieldError("property", "required for this kind"), new FieldError("limit", "required"), new FieldError("horizonSeconds", "more than 0")],
            DeclaredKind.Forecast.Compile(new RuleSpec("trend", "forecast", HorizonSeconds: 0), RuleScope.Empty).Errors);

    [Fact]
    public void ItsRulesReadNothingAndNeverFire()
    {
        var rule = DeclaredKind.Forecast.Compile(new RuleSpec("trend", "forecast", "temperature", Limit: 90, HorizonSeconds: 3600), RuleScope.Empty).Rule!;
        var state = rule.Start(new RuleStart(T0));
        var device = new DeviceActivity(T0, null);

        Assert.Equal(("trend", "forecast"), (rule.Id, rule.Kind));
        Assert.Empty(rule.Properties);
        Assert.Equal(RuleStep.None, rule.OnClock(state, device, T0.AddYears(1)));
        Assert.Null(rule.NextDue(state, device));
        Assert.Same(state, rule.Restore(state.Checkpoint()));
    }
}
