using IotService.Contracts.Devices;
using IotService.Grains.Devices;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Grains.Alarms;

/// <summary>
/// The clock of the rules that fire on silence rather than on a message (SPEC §6: no-data rules, escalation of
/// unacknowledged alarms). Each device grain writes when it is next due into its catalog row; this sweep asks
/// the catalog for due devices (one indexed query) and ticks their grains. Unlike a grain timer it reaches
/// devices whose grain is not active and survives restarts; unlike Orleans reminders it needs no reminder table
/// and costs nothing for devices with nothing due. In a cluster any hub may tick a device; the grain re-checks.
/// </summary>
public sealed partial class RuleClock(
    IDeviceCatalog catalog,
    IGrainFactory grains,
    IOptions<DeviceOptions> options,
    TimeProvider time,
    ILogger<RuleClock> logger) : PeriodicSweep(time, logger)
{
    private const int MaxPerSweep = 1000;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RuleClockSeconds);

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await catalog.DueAsync(Time.GetUtcNow(), MaxPerSweep, cancellationToken);
        var ticks = due.Select(id => grains.GetGrain<IDeviceGrain>(id).TickAsync()).ToList();
        try
        {
            await Task.WhenAll(ticks);
        }
        catch
        {
            // Counted and logged below; one failing device must not stop the others.
        }

        var failed = ticks.Count(tick => tick.IsFaulted);
        if (failed > 0)
        {
            LogTicksFailed(failed, due.Count, ticks.First(tick => tick.IsFaulted).Exception!.GetBaseException());
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} of {Due} due devices failed their rule tick; retried next sweep. First error")]
    private partial void LogTicksFailed(int failed, int due, Exception exception);
}
