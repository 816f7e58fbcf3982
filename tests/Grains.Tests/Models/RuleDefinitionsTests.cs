using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Grains.Models;
using IotService.Rules.Kinds;
using IotService.Rules.NoData;
using IotService.Rules.Thresholds;

namespace IotService.Grains.Tests.Models;

public sealed class RuleDefinitionsTests
{
    private static readonly DeviceModelDefinition Chiller = new(
        "chiller-x", "Chiller X", [new PropertyDefinition("temperature", "°C"), new PropertyDefinition("rpm")]);

    [Fact]
    public void EveryFieldAKindMayReadReachesTheSpec()
    {
        var definition = new RuleDefinition("r", "threshold", Severity.Major, "rpm", "outside", 1, 2, 3, 4, 0.5, 6, 7, 8, Enabled: false);

        Assert.Equal(new RuleSpec("r", "threshold", "rpm", "outside", 1, 2, 3, 4, 0.5, 6, 7, 8), RuleDefinitions.ToSpec(definition));
    }

    [Fact]
    public void TheScopeHoldsTheModelsPropertiesAndUnits()
    {
        var scope = RuleDefinitions.ScopeOf(Chiller);

        Assert.Equal(["temperature", "rpm"], scope.Properties);
        Assert.Equal(("°C", null), (scope.UnitOf("temperature"), scope.UnitOf("rpm")));
        Assert.False(scope.Declares("pressure"));
    }

    [Fact]
    public void EachDefinitionIsCompiledByItsKind()
    {
        var scope = RuleDefinitions.ScopeOf(Chiller);

        var threshold = RuleDefinitions.Compile(RuleKindRegistry.Standard, new RuleDefinition("hot", "threshold", Severity.Critical, "temperature", ">", 90), scope);
        var silent = RuleDefinitions.Compile(RuleKindRegistry.Standard, new RuleDefinition("silent", "nodata", Severity.Major, Seconds: 60), scope);

        Assert.Equal(
            new ThresholdRule("hot", "temperature", ThresholdOperator.GreaterThan, 90, null, TimeSpan.Zero, null),
            Assert.IsType<CompiledThreshold>(threshold.Rule).Rule);
        Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsType<CompiledNoData>(silent.Rule).Period);
    }

    [Theory]
    [InlineData("threshold", "~=", 1.0, "operator")]
    [InlineData("threshold", ">", null, "value")]
    [InlineData("melting", ">", 1.0, "kind")]
    public void WhatItsKindRefusesIsNotCompiled(string kind, string op, double? value, string field)
    {
        var result = RuleDefinitions.Compile(RuleKindRegistry.Standard, new RuleDefinition("r", kind, Severity.Minor, "temperature", op, value), RuleScope.Empty);

        Assert.Null(result.Rule);
        Assert.Equal([field], result.Errors.Select(e => e.Field));
    }
}
