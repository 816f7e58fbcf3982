using IotService.Rules.Anomalies;
using IotService.Rules.Forecasts;
using IotService.Rules.Kinds;
using IotService.Rules.NoData;
using IotService.Rules.Planned;
using IotService.Rules.Thresholds;

namespace IotService.Rules.Tests.Kinds;

public sealed class RuleKindRegistryTests
{
    [Fact]
    public void TheStandardRegistryKnowsTheFourKindsOfTheSpecInOrder()
        => Assert.Equal(["threshold", "nodata", "anomaly", "forecast"], RuleKindRegistry.Standard.Names);

    [Fact]
    public void ThresholdAnomalyAndForecastRulesAreReplayableAndNoDataIsNot()
        => Assert.Equal(["threshold", "anomaly", "forecast"], RuleKindRegistry.Standard.Kinds.Where(k => k.Replayable).Select(k => k.Name));

    [Theory]
    [InlineData("threshold", typeof(ThresholdKind))]
    [InlineData("nodata", typeof(NoDataKind))]
    [InlineData("anomaly", typeof(AnomalyKind))]
    [InlineData("forecast", typeof(ForecastKind))]
    public void FindsAKindByItsExactName(string name, Type expected)
        => Assert.IsType(expected, RuleKindRegistry.Standard.Find(name));

    [Theory]
    [InlineData("Threshold")]
    [InlineData("no-data")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElseIsNoKind(string? name) => Assert.Null(RuleKindRegistry.Standard.Find(name));

    [Fact]
    public void TwoKindsOfOneNameAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuleKindRegistry([new ThresholdKind(), new ThresholdKind()]));

        Assert.StartsWith("Two rule kinds are named 'threshold'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAddsANewKindLastAndReplacesOneOfTheSameNameInItsPlace()
    {
        var replacement = new DeclaredKind("nodata", static (_, _) => { });

        var added = RuleKindRegistry.Standard.With(new DeclaredKind("spike", static (_, _) => { }));
        var replaced = RuleKindRegistry.Standard.With(replacement);

        Assert.Equal(["threshold", "nodata", "anomaly", "forecast", "spike"], added.Names);
        Assert.Equal(["threshold", "nodata", "anomaly", "forecast"], replaced.Names);
        Assert.Same(replacement, replaced.Find("nodata"));
        Assert.IsType<NoDataKind>(RuleKindRegistry.Standard.Find("nodata"));
    }
}
