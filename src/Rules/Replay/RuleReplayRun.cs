using IotService.Rules.Kinds;

namespace IotService.Rules.Replay;

/// <summary>
/// <see cref="RuleReplay.Run"/> fed one reading at a time, for histories too long to hold in memory: the caller
/// reads them in chunks and adds them in order. With <c>maxListed</c>, only the first firings (in raise order) are
/// kept with their times and peaks; <see cref="FiringCount"/> still counts every one. The rule reads one property
/// (<see cref="Property"/>); each device starts from a fresh state at its first reading, and a reading's receive
/// time is taken to be its timestamp, since history keeps no other.
/// </summary>
public sealed class RuleReplayRun
{
    private readonly ICompiledRule _rule;
    private readonly int _maxListed;
    private readonly Dictionary<string, DeviceReplay> _devices = new(StringComparer.Ordinal);
    private readonly List<RuleFiring> _firings = [];

    public RuleReplayRun(ICompiledRule rule, int maxListed = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(maxListed);
        if (rule.Properties.Count != 1)
        {
            throw new ArgumentException($"Rule '{rule.Id}' reads {rule.Properties.Count} properties; a replay runs a rule over one.", nameof(rule));
        }

        _rule = rule;
        _maxListed = maxListed;
        Property = rule.Properties[0];
    }

    /// <summary>The property whose readings the replay feeds the rule.</summary>
    public string Property { get; }

    public int FiringCount { get; private set; }

    public int ReadingCount { get; private set; }

    public void Add(ReplayReading reading)
    {
        ReadingCount++;
        var device = _devices.TryGetValue(reading.DeviceId, out var known)
            ? known
            : new DeviceReplay(_rule.Start(new RuleStart(reading.Timestamp)), -1);
        var step = _rule.OnReading(device.State, new RuleReading(Property, reading.Value, reading.Timestamp, reading.Timestamp));

        // -1: not firing, or firing past the listed ones, so there is nothing to update.
        var openIndex = device.OpenIndex;
        switch (step.Transition)
        {
            case RuleTransition.Raise:
                FiringCount++;
                openIndex = _firings.Count < _maxListed ? _firings.Count : -1;
                if (openIndex >= 0)
                {
                    _firings.Add(new RuleFiring(reading.DeviceId, reading.Timestamp, null, reading.Value));
                }

                break;
            case RuleTransition.Clear:
                if (openIndex >= 0)
                {
                    _firings[openIndex] = _firings[openIndex] with { ClearedAt = reading.Timestamp };
                }

                openIndex = -1;
                break;
            case RuleTransition.None when openIndex >= 0:
                var open = _firings[openIndex];
                if (_rule.IsMoreExtreme(device.State, reading.Value, open.PeakValue))
                {
                    _firings[openIndex] = open with { PeakValue = reading.Value };
                }

                break;
            default:
                // Ignored readings (late, NaN) cannot become a peak.
                break;
        }

        _devices[reading.DeviceId] = device with { OpenIndex = openIndex };
    }

    /// <summary>The outcome so far; firings still open have no <see cref="RuleFiring.ClearedAt"/>.</summary>
    public ReplayResult ToResult() => new(FiringCount, ReadingCount, [.. _firings]);
}
