using IotService.Storage.History;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IotService.Dashboard.Health;

/// <summary>
/// Degraded (not unhealthy: nothing is lost, ingest goes on into the spool) while the history
/// store is unreachable or the spool is more than half full.
/// </summary>
public sealed class HistoryHealthCheck(IHistoryStatusSource history) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var s = history.Current();
        var spool = s.SpoolMaxBytes > 0 ? $"; spool {s.SpoolBytes:N0} of {s.SpoolMaxBytes:N0} bytes, {s.SpoolPendingRecords:N0} records waiting" : "";
        if (!s.StoreReachable)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"{s.Store} unreachable ({s.LastError}){spool}"));
        }

        return Task.FromResult(s.SpoolMaxBytes > 0 && s.SpoolBytes > s.SpoolMaxBytes / 2
            ? HealthCheckResult.Degraded($"{s.Store} reachable but behind{spool}")
            : HealthCheckResult.Healthy($"{s.Store}{spool}"));
    }
}
