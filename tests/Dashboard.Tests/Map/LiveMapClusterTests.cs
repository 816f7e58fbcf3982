using IotService.Contracts.Common;
using IotService.Dashboard.Live;
using IotService.Dashboard.Map;

namespace IotService.Dashboard.Tests.Map;

/// <summary>Viewports with more devices than a snapshot lists: clusters, serious devices on their own, snapshots again when clusters change.</summary>
public sealed class LiveMapClusterTests : IDisposable
{
    // Zoom 3: cells of 11.25°, so the three devices near 31°N 121–123°E share a cell and those near 40°N 116°E the one above.
    private static readonly Viewport China = MapHarness.View(100, 20, 130, 45, zoom: 3);
    private readonly MapHarness _map = new(maxSnapshotDevices: 3);

    public LiveMapClusterTests()
    {
        _map.Window(
            MapHarness.Registered("sh-1", 31.1, 121.1),
            MapHarness.Registered("sh-2", 31.3, 121.3),
            MapHarness.Registered("sh-3", 31.5, 122.5, severity: Severity.Warning),
            MapHarness.Registered("bj-1", 39.9, 116.4),
            MapHarness.Registered("bj-2", 40.1, 116.6, severity: Severity.Critical));
    }

    public void Dispose() => _map.Dispose();

    [Fact]
    public async Task TooManyDevicesInViewAreCountedInClustersAndSeriousOnesAreSentAlone()
    {
        var snapshot = await _map.JoinAsync("c1", China);

        Assert.Equal((5, true), (snapshot.Total, snapshot.Clustered));
        Assert.Equal(["bj-2"], snapshot.Devices.Select(d => d.Id));
        Assert.Equal(
            [new SnapshotCluster(31.3, 121.63333, 3, Severity.Warning), new SnapshotCluster(39.9, 116.4, 1, Severity.None)],
            snapshot.Clusters.OrderBy(c => c.Lat));
    }

    [Fact]
    public async Task SeriousDevicesAreSentAloneOnlyUpToTheCap()
    {
        _map.Window(
            MapHarness.Change("sh-1") with { HighestActiveSeverity = Severity.Major },
            MapHarness.Change("sh-2") with { HighestActiveSeverity = Severity.Critical },
            MapHarness.Change("sh-3") with { HighestActiveSeverity = Severity.Critical });

        var snapshot = await _map.JoinAsync("c1", China);

        Assert.Equal(["bj-2", "sh-2", "sh-3"], snapshot.Devices.Select(d => d.Id));
        Assert.Equal((5, 2), (snapshot.Total, snapshot.Clusters.Sum(c => c.Count)));
    }

    [Fact]
    public async Task AReadingOfAClusteredDeviceSendsNothingButASeriousDevicesReadingIsADelta()
    {
        await _map.JoinAsync("c1", China);

        Assert.Equal(0, _map.WindowQueued(MapHarness.Reading("sh-1", 1000)));
        Assert.Equal(1, _map.WindowQueued(MapHarness.Reading("bj-2", 1000)));
        Assert.Equal("bj-2", Assert.Single(await _map.DeltasAsync("c1")).Id);
    }

    [Fact]
    public async Task AClusterChangeSendsTheClustersAgainAtMostOncePerRefresh()
    {
        await _map.JoinAsync("c1", China);

        // sh-1 turns critical: it leaves its cluster (the count changes) and is drawn alone.
        _map.Window(MapHarness.Change("sh-1") with { HighestActiveSeverity = Severity.Critical });
        var entered = Assert.Single(await _map.DeltasAsync("c1"));
        Assert.Equal(("sh-1", Severity.Critical, 31.1), (entered.Id, entered.Severity, entered.Lat));
        Assert.Equal(0, _map.WindowQueued());

        _map.Time.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.Equal(1, _map.WindowQueued());
        var again = await _map.Clients.NextAsync<ViewportClusters>("c1", LiveMethods.ViewportClusters);
        Assert.Equal(2, again.Clusters.Single(c => c.Lat < 35).Count);
        Assert.Equal(5, again.Total);
        Assert.Equal(0, _map.WindowQueued());
    }

    [Fact]
    public async Task AMoveWithinACellThatChangesNeitherCountNorSeverityDoesNotSendTheClustersAgain()
    {
        await _map.JoinAsync("c1", China);
        _map.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, _map.WindowQueued(MapHarness.Change("sh-1") with { Location = new GeoPoint(31.0, 121.0) }));
        Assert.Equal(1, _map.WindowQueued(MapHarness.Change("sh-1") with { Location = new GeoPoint(31.0, 95.0) }));
        var again = await _map.Clients.NextAsync<ViewportClusters>("c1", LiveMethods.ViewportClusters);
        Assert.Equal((4, 3), (again.Total, again.Clusters.Sum(c => c.Count)));
    }
}
