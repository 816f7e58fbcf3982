using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IotService.Dashboard.Health;

/// <summary>Healthy when the cluster answers a management call and lists an active silo.</summary>
public sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        return hosts.Count > 0
            ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
            : HealthCheckResult.Unhealthy("no active silo");
    }
}
