using IotService.Storage;
using IotService.Storage.GrainState.Sqlite;
using Orleans.Storage;

namespace IotService.Dashboard.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>The state stores grains name in <c>[PersistentState]</c>.</summary>
    public static readonly string[] StorageNames = ["devices", "models", "customers", "technicians", "workorders"];

    /// <summary>The Orleans silo inside the hub: clustering and grain storage per SPEC §3.</summary>
    public static IHostApplicationBuilder AddHubSilo(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var clustering = config["Orleans:Clustering"] ?? "localhost";
        var provider = config[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] ?? "sqlite";
        if (!string.Equals(clustering, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Orleans:Clustering '{clustering}' is not supported yet; only 'localhost' (cluster mode on Redis is a later milestone).");
        }

        if (!string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is not supported yet; only 'sqlite' (PostgreSQL is a later milestone).");
        }

        builder.Services.AddOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: config.GetValue("Orleans:SiloPort", 11111),
                gatewayPort: config.GetValue("Orleans:GatewayPort", 30000));
            foreach (var name in StorageNames)
            {
                // Orleans' own binary format for [GenerateSerializer] state: compact and version
                // tolerant by [Id], unlike the default JSON serializer that stores .NET type names.
                silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(name, (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>()));
                silo.AddSqliteGrainStorage(name);
            }
        });
        return builder;
    }
}
