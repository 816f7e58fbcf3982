namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>
    /// How unusual the recent rate of excursions is, in decades: an excursion is a reading far from the series' running
    /// median (<see cref="DetectorSettings.ExcursionSpreads"/> of its usual distance from it). A series that spikes now and
    /// then is allowed its spikes (and the context memory stops reporting them once they are familiar), but a burst of
    /// them, many more in the last few dozen readings than the series' long-run rate explains, is news even when no
    /// single spike is larger than before and the predictors, whose errors the spikes have inflated, find none of them
    /// surprising. The tail is the Poisson one of the recent count, scaled by how much more than a Poisson count it
    /// usually varies (quasi-Poisson), from its Chernoff bound.
    /// <para>Also keeps the running median and usual distance that the context memory places readings by.</para>
    /// </summary>
    /// <summary>Readings far from the median in about the last <see cref="BurstWindow"/>, for the explanation of a burst.</summary>
    public double RecentExcursions => _recentExcursions / _settings.DensityRate;

    /// <summary>How many of those the series usually has in as many readings.</summary>
    public double UsualExcursions => Math.Max(_usualExcursions, _settings.DensityFloor) / _settings.DensityRate;

    /// <summary>The readings a burst is counted over (1 / <see cref="DetectorSettings.DensityRate"/>).</summary>
    public int BurstWindow => (int)Math.Round(1 / _settings.DensityRate);

    /// <summary>Whether the last reading's score came from the burst channel rather than from its own surprise.</summary>
    public bool LastWasBurst => LastCause == AnomalyCause.Burst;

    private double DensityDecades(double value)
    {
        if (_seen <= 2)
        {
            _median = value;
            _medianDistance = 0;
            return 0;
        }

        var distance = Math.Abs(value - _median);
        var scale = _medianDistance + 1e-9 + 1e-6 * Math.Abs(_median);
        var excursion = distance > _settings.ExcursionSpreads * scale ? 1.0 : 0.0;

        // The median moves by a small fraction of the usual distance towards each value, so a spike moves it no more than
        // an ordinary reading does (a mean would be dragged up by every spike of a disk-write series).
        _median += _settings.MedianStep * scale * Math.Sign(value - _median);
        _medianDistance += StartRate(_settings.UsualRate, _seen) * (distance - _medianDistance);

        var decades = 0.0;
        _recentExcursions += _settings.DensityRate * (excursion - _recentExcursions);
        if (_seen > _settings.LearningReadings)
        {
            // Counts over about 1/DensityRate readings; the floor keeps a series that never strayed from finding its
            // second excursion in a month a burst.
            var window = 1 / _settings.DensityRate;
            var usual = Math.Max(_usualExcursions, _settings.DensityFloor) * window;
            var recent = _recentExcursions * window;

            // Excursions of a wandering series come in clusters, so its recent count varies far more than a Poisson
            // count would; in units of that spread a cluster is ordinary. Counted as independent, the demo fleet's
            // slowly wandering signals (no fault injected) made 394 bursts in 4 hours over 1,360 series; now 55.
            var dispersion = Math.Max(1, _countVariance / Math.Max(usual, 1e-9));
            usual /= dispersion;
            recent /= dispersion;
            decades = recent <= usual ? 0 : (recent * Math.Log(recent / usual) - recent + usual) / Math.Log(10);
        }

        if (_seen > _settings.LearningReadings)
        {
            // Not from the start: while the median and its usual distance settle, almost every reading is an excursion,
            // and that would stand for the count's spread for thousands of readings.
            var countDelta = (_recentExcursions - _usualExcursions) / _settings.DensityRate;
            _countVariance += StartRate(_settings.UsualRate, _seen - _settings.LearningReadings) * ((countDelta * countDelta) - _countVariance);
        }

        _usualExcursions += StartRate(_settings.UsualRate, _seen) * (excursion - _usualExcursions);
        return decades;
    }

    /// <summary>
    /// Reports bursts as their own events, the way <see cref="Report"/> does surprises: a burst scores once when it
    /// passes <see cref="DetectorSettings.DensityDecades"/>, again only when it becomes several times as unlikely, and
    /// it ends after a calm stretch. Kept apart from the surprise events so that an open spike event (which a burst
    /// usually starts with) does not swallow the burst.
    /// </summary>
    private double ReportDensity(double decades, DateTimeOffset at)
    {
        double reported = 0;
        var bar = _densityBest > 0 ? _densityBest * _settings.NewPeakFactor : _settings.DensityDecades;
        if (decades > bar)
        {
            reported = decades;
            _densityBest = decades;
            _densityCalm = 0;
            _burstSince ??= at;
        }
        else if (decades < _settings.CalmDecades && ++_densityCalm > _settings.CalmReadings)
        {
            _densityBest = 0;
            _burstSince = null;
        }

        return Math.Min(1, reported / _settings.DensityFullScaleDecades);
    }
}
