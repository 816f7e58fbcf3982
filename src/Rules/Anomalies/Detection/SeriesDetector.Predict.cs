namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>
    /// How far the value is from what the best predictor expected, in that predictor's usual errors (capped), and then
    /// every predictor learns the value. The best is the one that has been right most lately, so a flat series is
    /// judged by its level, a random walk by its last value and a daily cycle by its time of day.
    /// </summary>
    private double Surprise(double value, DateTimeOffset at)
    {
        var slot = ProfileSlot(at);
        if (_seen == 0)
        {
            _last = _shortLevel = _longLevel = value;
            _profile[slot] = (float)value;
            _seen = 1;
            return 0;
        }

        Span<double> predicted = [_last, _shortLevel, _longLevel, float.IsNaN(_profile[slot]) ? _shortLevel : _profile[slot]];
        var best = 0;
        for (var i = 1; i < PredictorCount; i++)
        {
            if (_predictorError[i] < _predictorError[best])
            {
                best = i;
            }
        }

        // The floor keeps a perfectly flat series from dividing by zero while still finding its first change huge.
        var spread = Math.Sqrt(_predictorError[best]) + 1e-9 + 1e-6 * Math.Abs(_longLevel);
        Expected = predicted[best];
        ExpectedSpread = spread;
        var surprise = Math.Min(Math.Abs(value - predicted[best]) / spread, _settings.SurpriseCap);

        for (var i = 0; i < PredictorCount; i++)
        {
            var error = value - predicted[i];
            _predictorError[i] += StartRate(_settings.LongRate, _seen) * (error * error - _predictorError[i]);
        }

        _last = value;
        _shortLevel += _settings.ShortRate * (value - _shortLevel);
        _longLevel += StartRate(_settings.LongRate, _seen) * (value - _longLevel);
        _profile[slot] = float.IsNaN(_profile[slot]) ? (float)value : (float)(_profile[slot] + _settings.ProfileRate * (value - _profile[slot]));
        _seen++;
        return surprise;
    }

    /// <summary>
    /// An average's weight for a new value: a plain running mean (1/n) while the series is young, the exponential
    /// rate once n exceeds 1/rate. Without it a long average starts at its first value (an error of zero, a level of
    /// the first reading) and takes hundreds of readings to forget it, so a young series finds everything surprising
    /// and then nothing.
    /// </summary>
    private static double StartRate(double rate, long count) => Math.Max(rate, 1.0 / Math.Max(1, count));

    private int ProfileSlot(DateTimeOffset at)
        => (int)(at.UtcDateTime.TimeOfDay.Ticks * _settings.ProfileSlots / TimeSpan.TicksPerDay) % _settings.ProfileSlots;
}
