using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.Influx;
using IotService.TestSupport.Postgres;

namespace IotService.Integration.Tests.Cluster;

/// <summary>
/// The servers a cluster of hubs shares, real and on loopback: Redis (membership), PostgreSQL (state, catalogs,
/// accounts, keys), InfluxDB (history) and Mosquitto with its dynamic-security plugin (devices connect there). One set
/// per test class; every <see cref="TestCluster"/> gets its own cluster id, database and shared-subscription group.
/// </summary>
public sealed class ClusterServers : IAsyncLifetime
{
    public RedisServer Redis { get; private set; } = null!;

    public PostgresServer Postgres { get; } = new();

    public InfluxServer Influx { get; } = new();

    public MosquittoServer Mosquitto { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Postgres.InitializeAsync(), Influx.InitializeAsync());
        Redis = await RedisServer.StartAsync();
        Mosquitto = await MosquittoServer.StartWithDynamicSecurityAsync();
    }

    public async Task DisposeAsync()
    {
        await Mosquitto.DisposeAsync();
        await Redis.DisposeAsync();
        await Influx.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
