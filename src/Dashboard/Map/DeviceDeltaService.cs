using IotService.Grains.Devices;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Map;

/// <summary>Runs the live map's window (<see cref="LiveMap.RunWindow"/>) every <see cref="MapOptions.DeltaWindowMilliseconds"/>.</summary>
public sealed class DeviceDeltaService(LiveMap map, IOptions<MapOptions> options, TimeProvider time, ILogger<DeviceDeltaService> logger)
    : PeriodicSweep(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(options.Value.DeltaWindowMilliseconds);

    /// <returns>How many devices changed in the window.</returns>
    public override Task<int> SweepAsync(CancellationToken cancellationToken) => Task.FromResult(map.RunWindow());
}
