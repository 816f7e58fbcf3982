using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Map;

/// <summary>
/// One hub for the live-map tests, with a chiller model and two customers. Snapshots list at most
/// <see cref="MaxSnapshotDevices"/> devices, so a handful of devices is enough to cluster.
/// </summary>
public sealed class MapFixture : IAsyncLifetime
{
    public const int MaxSnapshotDevices = 4;

    public HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Map:MaxSnapshotDevices"] = MaxSnapshotDevices.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dispatch:IntervalSeconds"] = "0.2",
        });
        await Hub.CreateChillerModelAsync();
        await Hub.CreateCustomerAsync("cust-a");
        await Hub.CreateCustomerAsync("cust-b");
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class MapCollection : ICollectionFixture<MapFixture>
{
    public const string Name = "map";
}
