using IotService.Storage.History.Influx;

namespace IotService.Storage.Tests.History.Influx;

public sealed class AggregatePlanTests
{
    private const long Hour = 3_600_000;

    [Fact]
    public void ReadsOnlyRawReadingsWithoutRollups()
        => Assert.Equal(new AggregatePlan(0, 0, 0, 10 * Hour), AggregatePlan.Create(0, 10 * Hour, Hour, 5 * Hour, hasRollups: false));

    [Fact]
    public void ReadsOnlyRawReadingsForIntervalsThatAreNotWholeHours()
        => Assert.Equal(new AggregatePlan(0, 0, 0, 10 * Hour), AggregatePlan.Create(0, 10 * Hour, 90 * 60_000, 5 * Hour, hasRollups: true));

    [Fact]
    public void ReadsOnlyRawReadingsWhenTheRangeStartsAfterTheHorizon()
        => Assert.Equal(new AggregatePlan(0, 0, 6 * Hour, 10 * Hour), AggregatePlan.Create(6 * Hour, 10 * Hour, Hour, 5 * Hour, hasRollups: true));

    [Fact]
    public void SplitsAtTheFirstIntervalBoundaryAtOrAfterTheHorizon()
    {
        Assert.Equal(new AggregatePlan(0, 6 * Hour, 6 * Hour, 10 * Hour), AggregatePlan.Create(0, 10 * Hour, 2 * Hour, (5 * Hour) + 1, hasRollups: true));
        Assert.Equal(new AggregatePlan(0, 4 * Hour, 4 * Hour, 10 * Hour), AggregatePlan.Create(0, 10 * Hour, 2 * Hour, 4 * Hour, hasRollups: true));
    }

    [Fact]
    public void ReadsOnlyRollupsWhenTheRangeEndsBeforeTheHorizon()
        => Assert.Equal(new AggregatePlan(0, 3 * Hour, 3 * Hour, 3 * Hour), AggregatePlan.Create(0, 3 * Hour, Hour, 5 * Hour, hasRollups: true));

    [Fact]
    public void AlignsToTheEpochBeforeIt()
        => Assert.Equal(new AggregatePlan(-10 * Hour, -2 * Hour, -2 * Hour, 0), AggregatePlan.Create(-10 * Hour, 0, 2 * Hour, -3 * Hour, hasRollups: true));
}
