using IotService.Grains.Devices;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Dispatching;

/// <summary>Runs a <see cref="DispatchRound"/> every <see cref="DispatchOptions.IntervalSeconds"/>.</summary>
public sealed class DispatchService(DispatchRound round, IOptions<DispatchOptions> options, TimeProvider time, ILogger<DispatchService> logger)
    : PeriodicSweep(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.IntervalSeconds);

    public override Task<int> SweepAsync(CancellationToken cancellationToken) => round.RunAsync(cancellationToken);
}
