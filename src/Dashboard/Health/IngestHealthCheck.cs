using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IotService.Dashboard.Health;

/// <summary>Degraded while the ingest queues are more than 90% full: devices are being slowed down.</summary>
public sealed class IngestHealthCheck(IngestQueue queue) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var depth = queue.Depth;
        var capacity = queue.Capacity * 2;
        var description = $"queue {depth}/{capacity}";
        return Task.FromResult(depth > capacity * 0.9 ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description));
    }
}
