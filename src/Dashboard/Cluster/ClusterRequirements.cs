namespace IotService.Dashboard.Cluster;

/// <summary>
/// What several hubs must share, checked before anything starts so a half-configured cluster fails with a sentence
/// rather than with hubs that each see a different part of the fleet.
/// </summary>
public static class ClusterRequirements
{
    public static void Check(IConfiguration config, HubClusterOptions cluster, string storageProvider)
    {
        if (!cluster.IsCluster && !string.Equals(cluster.Clustering, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Orleans:Clustering '{cluster.Clustering}' is not known; use 'localhost' (one hub) or 'redis' (a cluster).");
        }

        if (!cluster.IsCluster)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(config.GetConnectionString("Redis")))
        {
            throw new InvalidOperationException("Orleans:Clustering=redis needs ConnectionStrings:Redis (for example 127.0.0.1:6379).");
        }

        // A grain moves between hubs: its state must be where every hub reads it, not in one hub's file.
        if (!string.Equals(storageProvider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Orleans:Clustering=redis needs Storage:Provider=postgres: grain state and catalogs must be shared by every hub.");
        }

        // Any hub answers a history query for any device, so history must be one store too.
        var history = config["History:Store"] ?? "sqlite";
        if (!string.Equals(history, "influx", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Orleans:Clustering=redis needs History:Store=influx: every hub must read the same telemetry history.");
        }
    }
}
