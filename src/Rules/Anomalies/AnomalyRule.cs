using IotService.Rules.Anomalies.Detection;
using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>
/// An anomaly rule at work: each value of a watched property goes through that property's detector; the rule raises
/// when a score reaches <see cref="Threshold"/> and clears when the event of the property that raised it is over
/// (the detector has seen a calm stretch), so one fault is one alarm.
/// </summary>
public sealed class AnomalyRule : CompiledRule<AnomalySeries>
{
    private readonly string[] _properties;
    private readonly Dictionary<string, int> _index;
    private readonly DetectorSettings _settings;
    private readonly RuleScope _scope;
    private readonly long _shape;

    public AnomalyRule(string id, IReadOnlyList<string> properties, double threshold, DetectorSettings settings, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(properties);
        Id = id;
        _properties = [.. properties];
        _index = _properties.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        Threshold = threshold;
        _settings = settings;
        _scope = scope;
        _shape = ShapeOf(_properties);
    }

    public override string Id { get; }

    public override string Kind => AnomalyKind.KindName;

    public override IReadOnlyList<string> Properties => _properties;

    /// <summary>The score at which the rule raises (from its sensitivity).</summary>
    public double Threshold { get; }

    public override AnomalySeries Start(RuleStart start)
        => new(_properties.Select(_ => new SeriesDetector(_settings)).ToArray(), _shape) { Firing = start.AlarmOpenSince is not null };

    public override AnomalySeries? Restore(ReadOnlySpan<byte> checkpoint)
    {
        var series = AnomalySeries.Read(checkpoint, _shape, _settings);
        if (series is { Finding: { } finding, RaisedBy: >= 0 })
        {
            series.Finding = finding with { Property = _properties[series.RaisedBy] };
        }

        return series;
    }

    public override RuleStep OnReading(AnomalySeries state, in RuleReading reading)
    {
        if (!_index.TryGetValue(reading.Property, out var i) || !double.IsFinite(reading.Value)
            || state.LastTimestamps[i] is { } last && reading.Timestamp <= last)
        {
            return RuleStep.Ignored;
        }

        state.LastTimestamps[i] = reading.Timestamp;
        var detector = state.Detectors[i];
        var score = detector.Score(reading.Value, reading.Timestamp);
        state.LastScore = score;
        if (!state.Firing)
        {
            if (score < Threshold || detector.Seen <= _settings.LearningReadings)
            {
                return RuleStep.None;
            }

            state.Firing = true;
            state.RaisedBy = i;
            var since = detector.EventSince ?? reading.Timestamp;
            var (recent, usual, window) = detector.LastCause switch
            {
                AnomalyCause.Burst => (detector.RecentExcursions, detector.UsualExcursions, detector.BurstWindow),
                AnomalyCause.Drift => (detector.ShortLevel, detector.LongLevel, 0),
                AnomalyCause.Course => (double.NaN, double.NaN, _settings.SustainedReadings),
                _ => (double.NaN, double.NaN, 0),
            };
            state.Finding = new AnomalyFinding(
                _properties[i], reading.Value, detector.Expected, detector.ExpectedSpread, score, since, detector.LastCause, recent, usual, window);
            return RuleStep.Raise(reading.Value);
        }

        // An alarm that was open before this state existed (edited rule) clears once its property calms down like any other.
        var raisedBy = state.RaisedBy < 0 ? i : state.RaisedBy;
        if (i == raisedBy && !detector.InEvent)
        {
            state.Firing = false;
            state.RaisedBy = -1;
            state.Finding = null;
            return RuleStep.Clear(reading.Value);
        }

        return RuleStep.None;
    }

    public override void OnAlarmCleared(AnomalySeries state, bool byPerson, DateTimeOffset at)
    {
        state.Firing = false;
        state.RaisedBy = -1;
        state.Finding = null;
    }

    public override RuleExplanation Explain(AnomalySeries state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now)
        => AnomalyExplanation.Of(state.Finding, _scope, raise.Value);

    /// <summary>A stable number for the property list, so a checkpoint written for other properties is refused.</summary>
    private static long ShapeOf(IEnumerable<string> properties)
    {
        var hash = 1469598103934665603L;
        foreach (var c in string.Join('\n', properties))
        {
            hash = (hash ^ c) * 1099511628211L;
        }

        return hash;
    }
}
