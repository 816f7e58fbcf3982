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
    /// </summary>
    public static ReplayResult Run(ThresholdRule rule, IEnumerable<ReplayReading> readings)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(readings);

        var devices = new Dictionary<string, DeviceReplay>(StringComparer.Ordinal);
        var firings = new List<ReplayFiring>();
        var count = 0;

        foreach (var reading in readings)
        {
            count++;
            devices.TryGetValue(reading.DeviceId, out var device);
            var (next, transition) = ThresholdEvaluator.Evaluate(rule, device.State, reading.Value, reading.Timestamp);
            var openIndex = device.OpenIndex;

            switch (transition)
            {
                case RuleTransition.Raise:
                    openIndex = firings.Count;
                    firings.Add(new ReplayFiring(reading.DeviceId, reading.Timestamp, null, reading.Value));
                    break;
                case RuleTransition.Clear:
                    firings[openIndex] = firings[openIndex] with { ClearedAt = reading.Timestamp };
                    openIndex = -1;
                    break;
                case RuleTransition.None when next.Firing && !IsIgnored(device.State, reading):
                    var open = firings[openIndex];
                    if (IsMoreExtreme(rule, reading.Value, open.PeakValue))
                    {
                        firings[openIndex] = open with { PeakValue = reading.Value };
                    }

                    break;
                default:
                    break;
            }

            devices[reading.DeviceId] = new DeviceReplay(next, openIndex);
        }

        return new ReplayResult(firings.Count, count, firings);
    }

    private static bool IsMoreExtreme(ThresholdRule rule, double candidate, double peak) => rule.Operator switch
    {
        ThresholdOperator.GreaterThan or ThresholdOperator.GreaterOrEqual => candidate > peak,
        ThresholdOperator.LessThan or ThresholdOperator.LessOrEqual => candidate < peak,
        ThresholdOperator.OutsideRange => Distance(rule, candidate) > Distance(rule, peak),
        _ => false,
    };

    // Mirrors the evaluator's own skip rule, so a late or NaN reading cannot become a peak.
    private static bool IsIgnored(ThresholdState state, ReplayReading reading) =>
        double.IsNaN(reading.Value) || (state.LastEvaluated is { } last && reading.Timestamp < last);

    private static double Distance(ThresholdRule rule, double value) =>
        Math.Max(rule.Value - value, value - (rule.HighValue ?? double.PositiveInfinity));
}
