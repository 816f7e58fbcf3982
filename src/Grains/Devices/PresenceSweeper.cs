using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Devices;

/// <summary>
/// Marks silent devices offline. It asks the catalog (an indexed query) rather than keeping a
/// timer per grain: it works for devices whose grain is not active, survives restarts, and
/// in a cluster any hub can do it — the grain re-checks its own last-seen before changing.
/// </summary>
public sealed partial class PresenceSweeper(
    IDeviceCatalog catalog,
    IGrainFactory grains,
    IOptions<DeviceOptions> options,
    TimeProvider time,
    ILogger<PresenceSweeper> logger) : PeriodicSweep(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds);

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var silentSince = Time.GetUtcNow() - TimeSpan.FromSeconds(options.Value.LastSeenTimeoutSeconds);
        var ids = await catalog.SilentOnlineAsync(silentSince, 1000, cancellationToken);
        var changed = await Task.WhenAll(ids.Select(id => grains.GetGrain<IDeviceGrain>(id).MarkOfflineIfSilentAsync(silentSince)));
        var count = changed.Count(c => c);
        if (count > 0)
        {
            LogMarkedOffline(count);
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} silent devices marked offline")]
    private partial void LogMarkedOffline(int count);
}
