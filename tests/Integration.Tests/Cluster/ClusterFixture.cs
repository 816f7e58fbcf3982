namespace IotService.Integration.Tests.Cluster;

/// <summary>Two hubs on one set of servers, shared by the tests of a class that leave the cluster whole.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterServers Servers { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        // Accounts cached for ten minutes: a sign-out seen on the other hub at once is the relay's doing, not the cache's.
        Cluster = await TestCluster.StartAsync(Servers, 2, new Dictionary<string, string> { ["Auth:UserCacheSeconds"] = "600" });
        await ClusterApi.CreateModelAsync(Cluster.Hub(0));
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Servers.DisposeAsync();
    }
}
