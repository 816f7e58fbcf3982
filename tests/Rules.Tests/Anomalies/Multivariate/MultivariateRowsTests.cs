using IotService.Rules.Anomalies.Multivariate;

namespace IotService.Rules.Tests.Anomalies.Multivariate;

public sealed class MultivariateRowsTests
{
    private static readonly DateTimeOffset T0 = ChillerFleet.T0;

    [Fact]
    public void RowsStartOnceEveryPropertyHasAValueAndCarryTheLastValueForward()
    {
        var rows = new MultivariateRows(["a", "b"]);

        rows.AddDevice([
            [new(T0, 1), new(T0.AddMinutes(2), 3)],
            [new(T0.AddMinutes(1), 10), new(T0.AddMinutes(2), 30), new(T0.AddMinutes(3), 40)],
        ]);

        Assert.Equal(3, rows.Count);
        Assert.Equal([1f, 10f], rows.Row(0).ToArray());
        Assert.Equal([3f, 30f], rows.Row(1).ToArray());
        Assert.Equal([3f, 40f], rows.Row(2).ToArray());
        Assert.Equal((T0.AddMinutes(1), T0.AddMinutes(3), 1), (rows.From, rows.To, rows.Devices));
    }

    [Fact]
    public void AValueOlderThanTheSkewLimitMakesNoRow()
    {
        var rows = new MultivariateRows(["a", "b"]);

        rows.AddDevice([
            [new(T0, 1)],
            [new(T0.AddMinutes(1), 10), new(T0 + MultivariateAlignment.MaxSkew + TimeSpan.FromMinutes(1), 20)],
        ]);

        Assert.Equal(1, rows.Count);
    }
}
