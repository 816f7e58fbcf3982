using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Live;
using IotService.Dashboard.Live.Protocols;
using IotService.Dashboard.Map;

namespace IotService.Dashboard.Tests.Map;

/// <summary>The viewport contract as the live map keeps it, connection by connection, window by window.</summary>
public sealed class LiveMapTests : IDisposable
{
    private static readonly Viewport Shanghai = MapHarness.View(121, 31, 122, 32);
    private readonly MapHarness _map = new();

    public void Dispose() => _map.Dispose();

    [Fact]
    public async Task AJoinAnswersOnlyTheDevicesInViewThatMatchTheFilters()
    {
        _map.Window(
            MapHarness.Registered("in", 31.2, 121.5),
            MapHarness.Registered("critical", 31.3, 121.6, severity: Severity.Critical),
            MapHarness.Registered("out", 39.9, 116.4));

        var all = await _map.JoinAsync("c1", Shanghai);
        var critical = await _map.JoinAsync("c2", Shanghai with { SeverityMask = 1 << (int)Severity.Critical });

        Assert.Equal(["critical", "in"], all.Devices.Select(d => d.Id));
        Assert.Equal((2, false), (all.Total, all.Clustered));
        Assert.Equal(["critical"], critical.Devices.Select(d => d.Id));
    }

    [Fact]
    public async Task ManyDeltasOfOneDeviceInAWindowReachAConnectionAsOneEntryInOneMessage()
    {
        _map.Window(MapHarness.Registered("d1", 31.2, 121.5));
        await _map.JoinAsync("c1", Shanghai);

        var queued = _map.WindowQueued([.. Enumerable.Range(0, 100).Select(i => MapHarness.Reading("d1", 1000 + i))]);

        Assert.Equal(1, queued);
        var entry = Assert.Single(await _map.DeltasAsync("c1"));
        Assert.Equal(("d1", 1099.0), (entry.Id, entry.Values!["rpm"].Value));
        Assert.Equal(0, _map.WindowQueued());
    }

    [Fact]
    public async Task ADeviceOutsideTheViewSendsNothing()
    {
        _map.Window(MapHarness.Registered("in", 31.2, 121.5), MapHarness.Registered("out", 39.9, 116.4));
        await _map.JoinAsync("c1", Shanghai);

        Assert.Equal(0, _map.WindowQueued(MapHarness.Reading("out", 1200)));
    }

    [Fact]
    public async Task ADeviceThatMovesOutIsSentOnceAsRemovedAndOneThatMovesInComesWithEveryMapField()
    {
        _map.Window(MapHarness.Registered("d1", 31.2, 121.5), MapHarness.Registered("d2", 39.9, 116.4));
        await _map.JoinAsync("c1", Shanghai);

        _map.Window(
            MapHarness.Change("d1") with { Location = new GeoPoint(39.9, 116.3) },
            MapHarness.Change("d2") with { Location = new GeoPoint(31.5, 121.7) });
        var entries = (await _map.DeltasAsync("c1")).ToDictionary(e => e.Id);
        Assert.Equal(0, _map.WindowQueued(MapHarness.Change("d1") with { Location = new GeoPoint(39.8, 116.3) }));

        Assert.Equal(DeviceDeltaMessage.Gone("d1"), entries["d1"]);
        var entered = entries["d2"];
        Assert.Equal((31.5, 121.7, DeviceStatus.Online, Severity.None, "chiller-x"), (entered.Lat, entered.Lon, entered.Status, entered.Severity, entered.ModelId));
        Assert.Equal(MapHarness.T0, entered.LastSeen);
    }

    [Fact]
    public async Task ADeviceWhoseSeverityLeavesTheFilterIsRemovedAndOneThatEntersItIsAdded()
    {
        _map.Window(MapHarness.Registered("d1", 31.2, 121.5, severity: Severity.Critical), MapHarness.Registered("d2", 31.3, 121.5));
        await _map.JoinAsync("c1", Shanghai with { SeverityMask = 1 << (int)Severity.Critical });

        _map.Window(
            MapHarness.Change("d1") with { HighestActiveSeverity = Severity.None },
            MapHarness.Change("d2") with { HighestActiveSeverity = Severity.Critical });

        var entries = (await _map.DeltasAsync("c1")).ToDictionary(e => e.Id);
        Assert.True(entries["d1"].Removed);
        Assert.Equal((false, Severity.Critical, 31.3), (entries["d2"].Removed, entries["d2"].Severity, entries["d2"].Lat));
    }

    [Fact]
    public async Task AConnectionThatHasNotTakenItsMessagesGetsItsChangesMergedInALaterWindow()
    {
        _map.Window(MapHarness.Registered("d1", 31.2, 121.5));
        await _map.JoinAsync("c1", Shanghai);
        _map.Clients.Hold = new TaskCompletionSource();

        // One message in flight and one waiting; after that the connection's changes wait, merged.
        Assert.Equal(1, _map.WindowQueued(MapHarness.Reading("d1", 1000)));
        Assert.Equal(1, _map.WindowQueued(MapHarness.Reading("d1", 1050)));
        Assert.Equal(0, _map.WindowQueued(MapHarness.Reading("d1", 1100, temperature: 30) with { Status = DeviceStatus.Offline }));
        Assert.Equal(0, _map.WindowQueued(MapHarness.Change("d1") with { HighestActiveSeverity = Severity.Minor }));
        _map.Clients.Hold.SetResult();
        _map.Clients.Hold = null;
        Assert.Equal(1000, Assert.Single(await _map.DeltasAsync("c1")).Values!["rpm"].Value);
        Assert.Equal(1050, Assert.Single(await _map.DeltasAsync("c1")).Values!["rpm"].Value);
        await Eventually(() => _map.WindowQueued() == 1);

        var merged = Assert.Single(await _map.DeltasAsync("c1"));
        Assert.Equal((DeviceStatus.Offline, Severity.Minor, 1100.0, 30.0), (merged.Status, merged.Severity, merged.Values!["rpm"].Value, merged.Values["temperature"].Value));
    }

    [Fact]
    public async Task ConnectionsThatAreSentTheSameEntryShareOneSerialisation()
    {
        _map.Window(MapHarness.Registered("d1", 31.2, 121.5));
        await _map.JoinAsync("c1", Shanghai);
        await _map.JoinAsync("c2", MapHarness.View(120, 30, 123, 33));

        _map.Window(MapHarness.Reading("d1", 1000));

        var first = await _map.Clients.NextAsync<List<Preserialized>>("c1", LiveMethods.DeviceDeltas);
        var second = await _map.Clients.NextAsync<List<Preserialized>>("c2", LiveMethods.DeviceDeltas);
        Assert.Same(Assert.Single(first), Assert.Single(second));
    }

    [Fact]
    public async Task ACustomerSeesOnlyItsOwnDevicesAndOnlyTheValuesItsModelShowsCustomers()
    {
        var customer = new MapAudience(Staff: false, CustomerScope: "cust-a");
        _map.Window(MapHarness.Registered("mine", 31.2, 121.5, customer: "cust-a"), MapHarness.Registered("theirs", 31.3, 121.5, customer: "cust-b"));

        var snapshot = await _map.JoinAsync("customer", Shanghai, customer);
        await _map.JoinAsync("staff", Shanghai);
        _map.Window(MapHarness.Reading("mine", 1000, customer: "cust-a"), MapHarness.Reading("theirs", 2000, customer: "cust-b"));

        Assert.Equal(["mine"], snapshot.Devices.Select(d => d.Id));
        Assert.Null(snapshot.Technicians);
        var seen = Assert.Single(await _map.DeltasAsync("customer"));
        Assert.Equal("mine", seen.Id);
        Assert.Equal(["temperature"], seen.Values!.Keys);
        Assert.Equal(2, (await _map.DeltasAsync("staff")).Count);
    }

    [Fact]
    public async Task ADeviceGivenToAnotherCustomerLeavesTheFirstCustomersMap()
    {
        var customer = new MapAudience(Staff: false, CustomerScope: "cust-a");
        _map.Window(MapHarness.Registered("d1", 31.2, 121.5, customer: "cust-a"));
        await _map.JoinAsync("customer", Shanghai, customer);

        _map.Window(MapHarness.Change("d1", customer: "cust-b"));

        Assert.Equal(DeviceDeltaMessage.Gone("d1"), Assert.Single(await _map.DeltasAsync("customer")));
    }

    [Fact]
    public async Task AWatchedDeviceOutsideTheViewIsSentMarkedWatchedAndAnotherCustomersIsNot()
    {
        var customer = new MapAudience(Staff: false, CustomerScope: "cust-a");
        _map.Window(MapHarness.Registered("far", 39.9, 116.4, customer: "cust-a"), MapHarness.Registered("other", 39.9, 116.5, customer: "cust-b"));
        await _map.JoinAsync("c1", Shanghai, customer);
        _map.Map.Watch("c1", customer, new HashSet<string> { "far", "other" });

        _map.Window(MapHarness.Reading("far", 1000, customer: "cust-a"), MapHarness.Reading("other", 1000, customer: "cust-b"));

        var entry = Assert.Single(await _map.DeltasAsync("c1"));
        Assert.Equal(("far", true, false), (entry.Id, entry.Watched, entry.Removed));
    }

    [Fact]
    public async Task ANewlyWatchedDeviceIsSentAsItStandsWithTheNextWindowOnceAndOnlyToThoseWhoMaySeeIt()
    {
        var customer = new MapAudience(Staff: false, CustomerScope: "cust-a");
        _map.Window(MapHarness.Registered("far", 39.9, 116.4, severity: Severity.Critical), MapHarness.Registered("other", 39.9, 116.5, customer: "cust-b"));
        await _map.JoinAsync("c1", Shanghai);
        await _map.JoinAsync("c2", Shanghai, customer);

        // It turned critical before the watch began: the list row must still learn it.
        _map.Map.Watch("c1", MapHarness.Staff, new HashSet<string> { "far" });
        _map.Map.Watch("c2", customer, new HashSet<string> { "other" });

        Assert.Equal(1, _map.WindowQueued());
        var entry = Assert.Single(await _map.DeltasAsync("c1"));
        Assert.Equal(("far", true, Severity.Critical, 39.9), (entry.Id, entry.Watched, entry.Severity, entry.Lat));

        _map.Map.Watch("c1", MapHarness.Staff, new HashSet<string> { "far" });
        Assert.Equal(0, _map.WindowQueued());
    }

    [Fact]
    public async Task AWatchedDeviceLeavingTheViewIsRemovedWithItsChangedFields()
    {
        _map.Window(MapHarness.Registered("d1", 31.2, 121.5));
        await _map.JoinAsync("c1", Shanghai);
        _map.Map.Watch("c1", MapHarness.Staff, new HashSet<string> { "d1" });

        _map.Window(MapHarness.Reading("d1", 1000) with { Location = new GeoPoint(39.9, 116.4) });

        var entry = Assert.Single(await _map.DeltasAsync("c1"));
        Assert.Equal((true, true, 39.9, 1000.0), (entry.Removed, entry.Watched, entry.Lat, entry.Values!["rpm"].Value));
    }

    [Fact]
    public async Task AConnectionThatLeftItsViewportGetsNothingMore()
    {
        _map.Window(MapHarness.Registered("d1", 31.2, 121.5));
        await _map.JoinAsync("c1", Shanghai);

        _map.Map.Leave("c1");

        Assert.Equal(0, _map.WindowQueued(MapHarness.Reading("d1", 1000)));
        Assert.Equal(0, _map.Map.ConnectionCount);
    }

    [Fact]
    public async Task AViewAcrossTheAntimeridianHoldsDevicesOnBothSides()
    {
        _map.Window(MapHarness.Registered("fiji", -17.7, 178.1), MapHarness.Registered("samoa", -13.8, -171.8), MapHarness.Registered("sydney", -33.9, 151.2));

        var snapshot = await _map.JoinAsync("c1", MapHarness.View(170, -25, -165, -5));

        Assert.Equal(["fiji", "samoa"], snapshot.Devices.Select(d => d.Id));
    }

    [Fact]
    public async Task StaffSnapshotsCarryTheTechniciansAndTheirChangesFollowInTheWindow()
    {
        _map.Technicians.Publish(new("tech-1", "Li Wei", [], Location: new GeoPoint(31.2, 121.5)));
        _map.Technicians.TakeChanges();

        var snapshot = await _map.JoinAsync("c1", Shanghai);
        _map.Technicians.Publish(new("tech-1", "Li Wei", [], Location: new GeoPoint(31.3, 121.6), Available: false));
        _map.Window();

        Assert.Equal(new MapTechnician("tech-1", "Li Wei", 31.2, 121.5, true, null), Assert.Single(snapshot.Technicians!));
        var moved = await _map.Clients.NextAsync<List<MapTechnician>>("c1", LiveMethods.TechnicianDeltas);
        Assert.Equal(new MapTechnician("tech-1", "Li Wei", 31.3, 121.6, false, null), Assert.Single(moved));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
