using IotService.Rules.Thresholds;

namespace IotService.Rules.Replay;

/// <summary>
/// Runs a threshold rule over stored history (SPEC §6: replay before enabling) through exactly the
/// <see cref="ThresholdEvaluator"/> the device grain uses, so the prediction matches live behaviour,
/// including duration, hysteresis and ignoring out-of-order readings per device.
/// </summary>
public static class RuleReplay
{
    /// <summary>
    /// Readings should be ordered by time per device; devices may interleave. The peak of a firing is the highest
    /// value for <c>&gt;</c>/<c>&gt;=</c>, the lowest for <c>&lt;</c>/<c>&lt;=</c>, the farthest outside the range for
    /// <c>outside</c>, and the raising value for <c>equals</c>; the clearing reading is not part of the firing.
    /// For histories read in chunks, use <see cref="RuleReplayRun"/>.
    /// </summary>
    public static ReplayResult Run(ThresholdRule rule, IEnumerable<ReplayReading> readings)
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
