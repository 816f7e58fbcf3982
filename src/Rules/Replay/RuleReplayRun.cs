using IotService.Rules.Kinds;

namespace IotService.Rules.Replay;

/// <summary>
/// <see cref="RuleReplay.Run"/> fed one reading at a time, for histories too long to hold in memory: the caller
/// reads them in chunks and adds them in order. With <c>maxListed</c>, only the first firings (in raise order) are
/// kept with their times, peaks and explanations; <see cref="FiringCount"/> still counts every one. Each device starts
/// from a fresh state at its first reading, and a reading's receive time is taken to be its timestamp, since history
/// keeps no other. Readings of one device with the same timestamp are one batch, as if they had come in one message:
/// after each batch the rule gets <see cref="ICompiledRule.AfterReadings"/>, as the device grain gives it (a rule over
/// several properties, such as the multivariate detector, judges them together there).
/// </summary>
public sealed class RuleReplayRun
{
    private readonly ICompiledRule _rule;
    private readonly int _maxListed;
    private readonly Dictionary<string, DeviceReplay> _devices = new(StringComparer.Ordinal);
    private readonly List<RuleFiring> _firings = [];
    private (string DeviceId, DateTimeOffset Timestamp)? _batch;

    public RuleReplayRun(ICompiledRule rule, int maxListed = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(maxListed);
        if (rule.Properties.Count == 0)
        {
            throw new ArgumentException($"Rule '{rule.Id}' reads no property; a replay feeds a rule stored readings.", nameof(rule));
        }

        _rule = rule;
        _maxListed = maxListed;
    }

    /// <summary>The properties whose readings the replay feeds the rule.</summary>
    public IReadOnlyList<string> Properties => _rule.Properties;

    public int FiringCount { get; private set; }

    public int ReadingCount { get; private set; }

    /// <summary>Adds a reading; its <see cref="ReplayReading.Property"/> may be left out when the rule reads one property.</summary>
    public void Add(ReplayReading reading)
    {
        var property = reading.Property ?? (_rule.Properties.Count == 1
            ? _rule.Properties[0]
            : throw new ArgumentException($"Rule '{_rule.Id}' reads {_rule.Properties.Count} properties; say which one the reading is of.", nameof(reading)));
        if (_batch is { } batch && (batch.DeviceId != reading.DeviceId || batch.Timestamp != reading.Timestamp))
        {
            EndBatch();
        }

        ReadingCount++;
        var device = _devices.TryGetValue(reading.DeviceId, out var known)
            ? known
            : new DeviceReplay(_rule.Start(new RuleStart(reading.Timestamp)), -1, reading.Timestamp);
        _batch = (reading.DeviceId, reading.Timestamp);
        var step = _rule.OnReading(device.State, new RuleReading(property, reading.Value, reading.Timestamp, reading.Timestamp));
        Apply(reading.DeviceId, device, step, reading.Timestamp, reading.Value);
    }

    /// <summary>The outcome so far; firings still open have no <see cref="RuleFiring.ClearedAt"/>.</summary>
    public ReplayResult ToResult()
    {
        EndBatch();
        return new(FiringCount, ReadingCount, [.. _firings]);
    }

    private void EndBatch()
    {
        if (_batch is not { } batch)
        {
            return;
        }

        _batch = null;
        var device = _devices[batch.DeviceId];
        var step = _rule.AfterReadings(device.State, new DeviceActivity(device.FirstReading, batch.Timestamp));
        Apply(batch.DeviceId, device, step, batch.Timestamp, step.Value);
    }

    private void Apply(string deviceId, DeviceReplay device, RuleStep step, DateTimeOffset at, double value)
    {
        // -1: not firing, or firing past the listed ones, so there is nothing to update.
        var openIndex = device.OpenIndex;
        switch (step.Transition)
        {
            case RuleTransition.Raise:
                FiringCount++;
                openIndex = _firings.Count < _maxListed ? _firings.Count : -1;
                if (openIndex >= 0)
                {
                    var why = _rule.Explain(device.State, step, new DeviceActivity(device.FirstReading, at), at).Text;
                    _firings.Add(new RuleFiring(deviceId, at, null, value, why));
                }

                break;
            case RuleTransition.Clear:
                if (openIndex >= 0)
                {
                    _firings[openIndex] = _firings[openIndex] with { ClearedAt = at };
                }

                openIndex = -1;
                break;
            case RuleTransition.None when openIndex >= 0 && double.IsFinite(value):
                var open = _firings[openIndex];
                if (_rule.IsMoreExtreme(device.State, value, open.PeakValue))
                {
                    _firings[openIndex] = open with { PeakValue = value };
                }

                break;
            default:
                // Ignored readings (late, NaN) cannot become a peak.
                break;
        }

        _devices[deviceId] = device with { OpenIndex = openIndex };
    }
}
