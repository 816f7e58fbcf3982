using IotService.Dashboard.Live;
using IotService.Grains.Devices;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Map;

/// <summary>
/// Once a window (<see cref="MapOptions.DeltaWindowMilliseconds"/>) takes the coalesced deltas, applies them to the
/// <see cref="DeviceProjection"/> and sends them to staff as one <c>deviceDeltas</c> message. Per-viewport routing, and
/// customers' share with technician-only values left out, come with the live map (issue 16); until then customers and
/// technicians get no deltas.
/// </summary>
public sealed class DeviceDeltaService(
    DeviceDeltaNotifier notifier,
    DeviceProjection projection,
    IHubContext<MapHub> hub,
    IOptions<MapOptions> options,
    TimeProvider time,
    ILogger<DeviceDeltaService> logger) : PeriodicSweep(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMilliseconds(options.Value.DeltaWindowMilliseconds);

    /// <returns>How many devices changed in the window.</returns>
    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var window = notifier.Take();
        if (window.Count == 0)
        {
            return 0;
        }

        var messages = new List<DeviceDeltaMessage>(window.Count);
        foreach (var coalesced in window)
        {
            projection.Apply(coalesced);
            messages.Add(DeviceDeltaMessage.From(coalesced.Delta));
        }

        await hub.Clients.Group(LiveGroups.Staff).SendAsync(LiveMethods.DeviceDeltas, messages, cancellationToken);
        return window.Count;
    }
}
