using IotService.Rules.Thresholds;

namespace IotService.Rules.Replay;

/// <summary>
/// <see cref="RuleReplay.Run"/> fed one reading at a time, for histories too long to hold in memory: the caller
/// reads them in chunks and adds them in order. With <c>maxListed</c>, only the first firings (in raise order) are
/// kept with their times and peaks; <see cref="FiringCount"/> still counts every one.
/// </summary>
public sealed class RuleReplayRun
{
    private readonly ThresholdRule _rule;
    private readonly int _maxListed;
    private readonly Dictionary<string, DeviceReplay> _devices = new(StringComparer.Ordinal);
    private readonly List<ReplayFiring> _firings = [];

    public RuleReplayRun(ThresholdRule rule, int maxListed = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(maxListed);
        _rule = rule;
        _maxListed = maxListed;
    }

    public int FiringCount { get; private set; }

    public int ReadingCount { get; private set; }

    public void Add(ReplayReading reading)
    {
        ReadingCount++;
        _devices.TryGetValue(reading.DeviceId, out var device);
        var (next, transition) = ThresholdEvaluator.Evaluate(_rule, device.State, reading.Value, reading.Timestamp);

        // -1: firing, but past the listed ones, so there is nothing to update.
        var openIndex = device.OpenIndex;
        switch (transition)
        {
            case RuleTransition.Raise:
                FiringCount++;
                openIndex = _firings.Count < _maxListed ? _firings.Count : -1;
                if (openIndex >= 0)
                {
                    _firings.Add(new ReplayFiring(reading.DeviceId, reading.Timestamp, null, reading.Value));
                }

                break;
            case RuleTransition.Clear:
                if (openIndex >= 0)
                {
                    _firings[openIndex] = _firings[openIndex] with { ClearedAt = reading.Timestamp };
                }

                openIndex = -1;
                break;
            case RuleTransition.None when next.Firing && openIndex >= 0 && !IsIgnored(device.State, reading):
                var open = _firings[openIndex];
                if (IsMoreExtreme(reading.Value, open.PeakValue))
                {
                    _firings[openIndex] = open with { PeakValue = reading.Value };
                }

                break;
            default:
                break;
        }

        _devices[reading.DeviceId] = new DeviceReplay(next, openIndex);
    }

    /// <summary>The outcome so far; firings still open have no <see cref="ReplayFiring.ClearedAt"/>.</summary>
    public ReplayResult ToResult() => new(FiringCount, ReadingCount, [.. _firings]);

    private bool IsMoreExtreme(double candidate, double peak) => _rule.Operator switch
    {
        ThresholdOperator.GreaterThan or ThresholdOperator.GreaterOrEqual => candidate > peak,
        ThresholdOperator.LessThan or ThresholdOperator.LessOrEqual => candidate < peak,
        ThresholdOperator.OutsideRange => Distance(candidate) > Distance(peak),
        _ => false,
    };

    // Mirrors the evaluator's own skip rule, so a late or NaN reading cannot become a peak.
    private static bool IsIgnored(ThresholdState state, ReplayReading reading) =>
        double.IsNaN(reading.Value) || (state.LastEvaluated is { } last && reading.Timestamp < last);

    private double Distance(double value) =>
        Math.Max(_rule.Value - value, value - (_rule.HighValue ?? double.PositiveInfinity));
}
