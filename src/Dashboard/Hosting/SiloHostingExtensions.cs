using System.Net;
using IotService.Dashboard.Cluster;
using IotService.Storage;
using IotService.Storage.GrainState.Postgres;
using IotService.Storage.GrainState.Sqlite;
using IotService.Storage.Postgres;
using Orleans.Configuration;
using Orleans.Storage;

namespace IotService.Dashboard.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The state stores grains name in <c>[PersistentState]</c>.</summary>
    public static readonly string[] StorageNames = ["devices", "models", "customers", "technicians", "workorders"];

    /// <summary>
    /// The Orleans silo inside the hub: clustering and grain storage per SPEC §3. One hub clusters with itself on
    /// localhost; <c>Orleans:Clustering=redis</c> makes every hub with the same cluster id one cluster, which needs the
    /// stores every hub shares (<see cref="ClusterRequirements"/>).
    /// </summary>
    public static IHostApplicationBuilder AddHubSilo(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var cluster = config.GetSection(HubClusterOptions.SectionName).Get<HubClusterOptions>() ?? new HubClusterOptions();
        var provider = StorageProviders.From(config);
        ClusterRequirements.Check(config, cluster, provider);

        builder.Services.AddOrleans(silo =>
        {
            if (provider == StorageProviders.Postgres)
            {
                // Catalog calls inside grains: a database that is away must reach a caller on another hub as a 503.
                silo.AddIncomingGrainCallFilter<DatabaseAwayCallFilter>();
            }

            if (cluster.IsCluster)
            {
                UseRedisCluster(silo, cluster, config.GetConnectionString("Redis")!);
            }
            else
            {
                silo.UseLocalhostClustering(siloPort: cluster.SiloPort, gatewayPort: cluster.GatewayPort);
            }

            foreach (var name in StorageNames)
            {
                // Orleans' own binary format for [GenerateSerializer] state: compact and version
                // tolerant by [Id], unlike the default JSON serializer that stores .NET type names.
                silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(name, (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()));
                if (provider == StorageProviders.Postgres)
                {
                    silo.AddPostgresGrainStorage(name);
                }
                else
                {
                    silo.AddSqliteGrainStorage(name);
                }
            }
        });
        return builder;
    }

    private static void UseRedisCluster(ISiloBuilder silo, HubClusterOptions cluster, string redis)
    {
        silo.UseRedisClustering(redis);

        // Durable reminders live beside the membership (SPEC §3). No feature registers one yet: the dispatch round and
        // the sweeps use timers and catalog queries that outlive a lost hub by themselves (docs/operations.md).
        silo.UseRedisReminderService(o => o.ConfigurationOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis));
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = cluster.ClusterId;
            o.ServiceId = cluster.ClusterId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedIPAddress), cluster.SiloPort, cluster.GatewayPort);

        // Orleans suspects a hub after NumMissedProbesLimit (3) probes that went unanswered for ProbeTimeout each, and
        // declares it dead on that suspicion: its default 5 s makes ~15 s before a killed hub's devices move, plus the
        // table refresh. 2 s gives about 6 s, well inside the 20 s target, while a hub stalled by a full collection or a
        // busy machine (pauses of tens of milliseconds here, docs/benchmarks.md) is still far from three missed probes.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(cluster.ProbeTimeoutSeconds);
            o.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });
    }
}
