using IotService.Storage.Catalogs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IotService.Dashboard.Health;

/// <summary>Healthy when the relational store answers a query.</summary>
public sealed class StorageHealthCheck(IDocumentCatalog catalog) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await catalog.GetAsync("health", "probe", cancellationToken);
        return HealthCheckResult.Healthy("relational store answers");
    }
}
