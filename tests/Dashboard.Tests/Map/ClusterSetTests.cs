using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Map;

namespace IotService.Dashboard.Tests.Map;

public sealed class ClusterSetTests
{
    private static DeviceFacts At(double lat, double lon, Severity severity = Severity.None) => new(null, true, lat, lon, DeviceStatus.Online, severity);

    [Theory]
    [InlineData(0, 90)]
    [InlineData(2, 22.5)]
    [InlineData(10, 0.087890625)]
    public void CellsSpanAQuarterOfATileAtEachZoom(double zoom, double degrees)
        => Assert.Equal(degrees, ClusterGrid.ForZoom(zoom).CellDegrees, 12);

    [Fact]
    public void CellsAreSeparateOnEitherSideOfTheAntimeridianAndAtThePoles()
    {
        var grid = ClusterGrid.ForZoom(1);

        Assert.NotEqual(grid.CellOf(0, 179.9), grid.CellOf(0, -179.9));
        Assert.Equal(grid.CellOf(90, 180), grid.CellOf(89.9, 179.9));
    }

    [Fact]
    public void AClusterSitsAtTheMeanOfItsDevicesWithTheirCountAndWorstSeverity()
    {
        var set = new ClusterSet(ClusterGrid.ForZoom(3));
        set.Add(At(31, 121));
        set.Add(At(32, 122, Severity.Major));
        set.Add(At(-33.9, 151.2, Severity.Warning));

        Assert.Equal(
            [new SnapshotCluster(-33.9, 151.2, 1, Severity.Warning), new SnapshotCluster(31.5, 121.5, 2, Severity.Major)],
            set.ToClusters().OrderBy(c => c.Lat));
        Assert.Equal((3, 2), (set.DeviceCount, set.ClusterCount));
    }

    [Fact]
    public void AMoveSaysWhetherACountOrWorstSeverityChanged()
    {
        var set = new ClusterSet(ClusterGrid.ForZoom(3));
        set.Add(At(31, 121, Severity.Major));
        set.Add(At(31.5, 121.5, Severity.Minor));

        Assert.False(set.Move(At(31.5, 121.5, Severity.Minor), At(31.6, 121.6, Severity.Warning)));
        Assert.True(set.Move(At(31, 121, Severity.Major), At(31, 121, Severity.None)));
        Assert.True(set.Move(At(31, 121), At(-33.9, 151.2)));
        Assert.Equal([1, 1], set.ToClusters().Select(c => c.Count));
    }

    [Fact]
    public void RemovingTheLastDeviceOfACellRemovesItsCluster()
    {
        var set = new ClusterSet(ClusterGrid.ForZoom(3));
        set.Add(At(31, 121, Severity.Critical));

        set.Remove(At(31, 121, Severity.Critical));

        Assert.Empty(set.ToClusters());
        Assert.Equal(0, set.DeviceCount);
    }
}
