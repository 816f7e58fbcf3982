using IotService.Contracts.Alarms;
using IotService.Contracts.Devices;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Users;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace IotService.Dashboard.Cluster;

public static class ClusterHostingExtensions
{
    /// <summary>
    /// What makes several hubs one service beyond Orleans itself (section <c>Orleans</c>): live events relayed between
    /// hubs over Redis (<see cref="ClusterEventRelay"/>) and the Data Protection key ring in the shared catalog
    /// (<see cref="CatalogXmlRepository"/>), so a token or cookie from one hub works on all. Register it after the
    /// receivers it stands in front of (the live map, live updates, auth). One hub: only the options and the counters.
    /// </summary>
    public static IHostApplicationBuilder AddHubCluster(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HubClusterOptions>().BindConfiguration(HubClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ClusterRelayCounters>();
        var cluster = builder.Configuration.GetSection(HubClusterOptions.SectionName).Get<HubClusterOptions>() ?? new HubClusterOptions();
        if (!cluster.IsCluster)
        {
            return builder;
        }

        var redis = builder.Configuration.GetConnectionString("Redis")!;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisOptions(redis)));
        services.AddSingleton<ClusterOutbox>();
        services.AddSingleton<ClusterInbox>();
        services.AddSingleton<ClusterBatchCodec>();
        services.AddSingleton<ClusterNotifiers>();
        ReplaceWith<IDeviceDeltaNotifier>(services);
        ReplaceWith<ITechnicianNotifier>(services);
        ReplaceWith<IWorkOrderNotifier>(services);
        ReplaceWith<IAlarmNotifier>(services);
        services.AddSingleton<ClusterUserRelay>();
        services.AddSingleton<IUserChangeListener>(sp => sp.GetRequiredService<ClusterUserRelay>());
        services.AddHostedService<ClusterEventRelay>();
        builder.AddClusterKeyRing();
        return builder;
    }

    /// <summary>
    /// Never fail start-up or block on Redis: the relay reconnects by itself. A command sent while Redis is away fails at
    /// once instead of waiting in the client's backlog, which would hold every live event in memory for the outage.
    /// </summary>
    private static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }

    private static void ReplaceWith<TObserver>(IServiceCollection services)
        where TObserver : class
    {
        services.RemoveAll<TObserver>();
        services.AddSingleton<TObserver>(sp => (TObserver)(object)sp.GetRequiredService<ClusterNotifiers>());
    }
}
