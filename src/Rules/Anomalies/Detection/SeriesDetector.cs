using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies.Detection;

/// <summary>
/// A streaming anomaly detector for one series (one property of one device). Each reading is scored once, from what
/// came before it only: no look-ahead, no knowledge of the series' future range. Memory and time per reading are
/// constant (about 1.6 KB; see <see cref="DetectorSettings"/>).
/// <para>
/// How it scores, in seven steps:
/// <list type="number">
/// <item>Predict: four predictors run side by side (the last value, a short and a long moving level, and the value
/// usual at this time of day); the one with the smallest recent error predicts, and the surprise is the reading's
/// error in units of that predictor's typical error.</item>
/// <item>Discount what happens every day: a surprise as large as one remembered within an hour of this time of day on
/// recent days is divided by it, so a nightly job's spike stops being news (see <c>SeriesDetector.Daily.cs</c>).</item>
/// <item>Compare with what is usual for this series: the surprise of this reading, and the average of the last few,
/// against their own long-run mean and spread, as a Gaussian tail probability in decades (a noisy series is allowed
/// its noise; a calm one is not).</item>
/// <item>Watch the levels part: the gap between the short and long level against its usual size catches a steady climb
/// that no single reading gives away (see <c>SeriesDetector.Departure.cs</c>).</item>
/// <item>Discount what this series has done before: a surprise in a context (this value and the one before, placed
/// against a running median) where remarkable surprises happened lately is divided by how many did, so the same spike
/// from the same level at an irregular time stops being news (see <c>SeriesDetector.Context.cs</c>).</item>
/// <item>Report events, not rows: while an event lasts, a reading gets a score only if it beats the event's best so
/// far clearly, so a fault that lasts an hour is one alarm-worthy score, not hundreds.</item>
/// <item>Report bursts: many more readings far from the median in the last few dozen than the series' long-run rate
/// explains are an event of their own, even when each is a familiar spike (see <c>SeriesDetector.Density.cs</c>).</item>
/// </list>
/// </para>
/// </summary>
public sealed partial class SeriesDetector
{
    private const int PredictorCount = 4;

    private readonly DetectorSettings _settings;
    private readonly float[] _profile;
    private readonly float[] _recentSurprise;
    private readonly float[] _remarkable;
    private readonly double[] _predictorError = new double[PredictorCount];
    private long _seen;
    private double _last;
    private double _shortLevel;
    private double _longLevel;
    private int _recentIndex;
    private double _usualMean;
    private double _usualSpread;
    private double _usualSustainedMean;
    private double _usualSustainedSpread;
    private double _usualGapMean;
    private double _usualGapSpread;
    private double _judgedGapMean;
    private double _judgedGapSpread;
    private double _eventBest;
    private int _calm;
    private DateTimeOffset? _eventSince;
    private double _median;
    private double _medianDistance;
    private double _recentExcursions;
    private double _usualExcursions;
    private double _countVariance;
    private double _densityBest;
    private int _densityCalm;
    private readonly float[] _contextValue;
    private readonly float[] _contextPrevious;
    private readonly long[] _contextAt;
    private int _contextNext;
    private double _previousPosition;
    private DateTimeOffset? _burstSince;
    private AnomalyCause _cause;

    public SeriesDetector(DetectorSettings? settings = null)
    {
        _settings = settings ?? DetectorSettings.Default;
        _profile = new float[_settings.ProfileSlots];
        _profile.AsSpan().Fill(float.NaN);
        _recentSurprise = new float[_settings.SustainedReadings];
        _remarkable = new float[_settings.ProfileSlots];
        _remarkable.AsSpan().Fill(float.NegativeInfinity);
        _contextValue = new float[_settings.ContextMemory];
        _contextPrevious = new float[_settings.ContextMemory];
        _contextAt = new long[_settings.ContextMemory];
    }

    /// <summary>Which channel gave the last reading its score (meaningful when the score is above 0).</summary>
    public AnomalyCause LastCause { get; private set; }

    /// <summary>The short moving level (≈10 readings) after the last reading, for an explanation of a drift.</summary>
    public double ShortLevel => _shortLevel;

    /// <summary>The long moving level (≈100 readings) after the last reading.</summary>
    public double LongLevel => _longLevel;

    /// <summary>Readings seen so far.</summary>
    public long Seen => _seen;

    /// <summary>What the best predictor expected for the reading just scored.</summary>
    public double Expected { get; private set; } = double.NaN;

    /// <summary>The usual error of that predictor: the expected range is <see cref="Expected"/> ± three of these.</summary>
    public double ExpectedSpread { get; private set; } = double.NaN;

    /// <summary>When the current event began (its first surprising reading or reported burst), or null when all is calm.</summary>
    public DateTimeOffset? EventSince => _eventSince is { } e && _burstSince is { } b ? (e < b ? e : b) : _eventSince ?? _burstSince;

    /// <summary>Whether the series is in an event: surprising readings, or a burst, not yet followed by a calm stretch.</summary>
    public bool InEvent => _eventSince is not null || _burstSince is not null;

    /// <summary>The anomaly score of one reading in [0, 1], from the readings before it; readings must come oldest first.</summary>
    public double Score(double value, DateTimeOffset at)
    {
        if (!double.IsFinite(value))
        {
            // Nothing to learn from, and one NaN in a running mean would poison every later score.
            return 0;
        }

        var surprise = Surprise(value, at);
        var raw = surprise;
        if (_seen > 2)
        {
            surprise = DailyDiscount(surprise, at);
        }

        var decades = Likelihood(surprise);
        decades /= 1 + ContextFamiliarity(raw, value, decades >= _settings.CalmDecades) / _settings.ContextTolerance;

        // After the context memory: it places this reading against the median of the readings before it.
        var surprising = Report(decades, at);
        var burst = ReportDensity(DensityDecades(value), at);
        LastCause = burst > surprising ? AnomalyCause.Burst : _cause;
        return Math.Max(surprising, burst);
    }
}
