using IotService.Grains.Anomalies;
using IotService.Rules.Anomalies.Multivariate;
using static IotService.Grains.Tests.Anomalies.ChillerHistory;

namespace IotService.Grains.Tests.Anomalies;

public sealed class MultivariateScheduleTests
{
    private static readonly DateTimeOffset Now = T0.AddDays(3);
    private static readonly MultivariateOptions Options = new();
    private static readonly MultivariateModel Detector = new(
        ["supply", "return"], [10, 15], [1, 1], [0, 0], [0.7071, 0.7071], 1, new(1, 2, 3, 4), new(1, Now.AddHours(-2), 100, 1, Now.AddDays(-1), Now));

    [Fact]
    public void OnlyAModelWithAnEnabledAnomalyRuleOnEveryPropertyWantsADetector()
    {
        Assert.True(MultivariateSchedule.WantsDetector(Model));
        Assert.True(MultivariateSchedule.WantsDetector(Model with { Rules = [OddChiller with { Property = "all" }] }));
        Assert.False(MultivariateSchedule.WantsDetector(Model with { Rules = [OddChiller with { Property = "supply" }] }));
        Assert.False(MultivariateSchedule.WantsDetector(Model with { Rules = [OddChiller with { Enabled = false }, ColdSupply] }));
        Assert.False(MultivariateSchedule.IsDue(Model with { Rules = [ColdSupply] }, null, null, Options, Now));
    }

    [Fact]
    public void AModelWithoutADetectorIsDueAtOnceAndThenEveryRetryInterval()
    {
        Assert.True(MultivariateSchedule.IsDue(Model, null, null, Options, Now));
        Assert.False(MultivariateSchedule.IsDue(Model, null, Now - Options.RetryEvery + TimeSpan.FromSeconds(1), Options, Now));
        Assert.True(MultivariateSchedule.IsDue(Model, null, Now - Options.RetryEvery, Options, Now));
    }

    [Fact]
    public void ADetectorIsRetrainedWhenItIsOldOrReadsAPropertyTheModelNoLongerDeclares()
    {
        Assert.False(MultivariateSchedule.IsDue(Model, Detector, Now.AddHours(-2), Options, Now));
        Assert.True(MultivariateSchedule.IsDue(Model, Detector, Now.AddHours(-2), Options, Now.AddHours(4)));
        Assert.True(MultivariateSchedule.IsDue(Model with { Properties = [Model.Properties[0]] }, Detector, Now.AddHours(-2), Options, Now));
    }
}
