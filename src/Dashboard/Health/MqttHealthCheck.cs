using IotService.Ingest.Mqtt;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IotService.Dashboard.Health;

/// <summary>Embedded: the broker listens. External: connected to the broker and subscribed.</summary>
public sealed class MqttHealthCheck(BrokerState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        => Task.FromResult(state.Ready
            ? HealthCheckResult.Healthy(state.Mode == "external"
                ? $"external; subscribed {state.Sessions} time(s) since start"
                : $"{state.Mode}; {state.Connections} client connection(s)")
            : HealthCheckResult.Unhealthy($"{state.Mode} broker not ready{(state.LastError is null ? "" : ": " + state.LastError)}"));
}
