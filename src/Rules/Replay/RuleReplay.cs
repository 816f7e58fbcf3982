using IotService.Rules.Kinds;

namespace IotService.Rules.Replay;

/// <summary>
/// Runs a rule over stored history (SPEC §6: replay before enabling) through exactly the <see cref="ICompiledRule"/>
/// the device grain runs, so the prediction matches live behaviour, including duration, hysteresis and ignoring
/// out-of-order readings per device.
/// </summary>
public static class RuleReplay
{
    /// <summary>
    /// Readings should be ordered by time per device; devices may interleave. For histories read in chunks, use
    /// <see cref="RuleReplayRun"/>.
    /// </summary>
    public static ReplayResult Run(ICompiledRule rule, IEnumerable<ReplayReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var run = new RuleReplayRun(rule);
        foreach (var reading in readings)
        {
            run.Add(reading);
        }

        return run.ToResult();
    }
}
