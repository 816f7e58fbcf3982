namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>
    /// How far the short level has moved from the long level, against how far apart the two usually are, in decades
    /// beyond <see cref="DetectorSettings.DepartureAllowanceDecades"/>. The surprise cannot see a ramp: within a few
    /// readings the last value becomes the best predictor, and each step of a steady climb is then ordinary. The gap
    /// between the levels grows with the climb, and only a climb out of everything the series has done before gets
    /// past the allowance.
    /// </summary>
    private double DepartureDecades()
    {
        if (_seen <= _settings.GapLearningReadings)
        {
            // A young series has not shown how far its levels wander apart: judged on its first hundred readings, the
            // gap raised alarms on one demo device in ten within minutes of the end of learning.
            return 0;
        }

        var floor = 1e-9 + 1e-6 * Math.Abs(_longLevel);
        var z = Math.Abs(_shortLevel - _longLevel - _judgedGapMean) / Math.Max(Math.Sqrt(_judgedGapSpread), floor);
        var decades = -Math.Log10(Math.Max(GaussianTail(z), 1e-300));
        return Math.Max(0, decades - _settings.DepartureAllowanceDecades);
    }

    /// <summary>
    /// Learns the gap, and every <see cref="DetectorSettings.GapReadings"/> readings hands what it learned to the
    /// judging. Judged against what it is learning, a climb would widen its own yardstick as it goes: in a series of
    /// a few hundred readings (where each new one still weighs 1/n) a climb of 20 spreads was never reported.
    /// </summary>
    private void LearnDeparture()
    {
        Learn(ref _usualGapMean, ref _usualGapSpread, _shortLevel - _longLevel);
        if (_seen % _settings.GapReadings == 0)
        {
            (_judgedGapMean, _judgedGapSpread) = (_usualGapMean, _usualGapSpread);
        }
    }
}
