namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>
    /// How unusual this surprise is for this series, in decades of tail probability (3 = one in a thousand): the
    /// reading's own surprise catches a spike, the average of the last few a shift that each reading alone would not,
    /// and the gap between the short and long levels a fast ramp.
    /// </summary>
    private double Likelihood(double surprise)
    {
        var length = _recentSurprise.Length;
        _recentSurprise[_recentIndex % length] = (float)surprise;
        _recentIndex = (_recentIndex + 1) % (length * 1_000_000);
        var count = Math.Min(_seen, length);
        var sustained = 0.0;
        for (var i = 0; i < count; i++)
        {
            sustained += _recentSurprise[i];
        }

        sustained /= count;

        var decades = 0.0;
        if (_seen > _settings.WarmUpReadings)
        {
            var reading = TailDecades(surprise, _usualMean, _usualSpread, 0.05);
            var course = TailDecades(sustained, _usualSustainedMean, _usualSustainedSpread, 0.02);
            var drift = DepartureDecades();
            decades = Math.Max(Math.Max(reading, course), drift);
            _cause = decades == reading ? AnomalyCause.Reading : decades == course ? AnomalyCause.Course : AnomalyCause.Drift;
        }

        // Surprises of the warm-up are measured against predictors that know nothing yet; a young series does not learn from them.
        if (_seen > _settings.WarmUpReadings)
        {
            Learn(ref _usualMean, ref _usualSpread, surprise);
            Learn(ref _usualSustainedMean, ref _usualSustainedSpread, sustained);
            LearnDeparture();
        }

        return decades;
    }

    /// <summary>Exponentially weighted mean and variance, in place.</summary>
    private void Learn(ref double mean, ref double variance, double value)
    {
        var rate = StartRate(_settings.UsualRate, Math.Max(1, _seen - _settings.WarmUpReadings));
        var delta = value - mean;
        mean += rate * delta;
        variance = (1 - rate) * (variance + rate * delta * delta);
    }

    /// <summary>−log10 of the Gaussian upper tail beyond <paramref name="value"/>; 0 at or below the mean.</summary>
    private static double TailDecades(double value, double mean, double variance, double floor)
    {
        var z = (value - mean) / Math.Max(Math.Sqrt(variance), floor);
        return z <= 0 ? 0 : -Math.Log10(Math.Max(GaussianTail(z), 1e-300));
    }

    /// <summary>P(Z &gt; z) for a standard normal, from the complementary error function (Numerical Recipes' erfc).</summary>
    private static double GaussianTail(double z)
    {
        var x = z / Math.Sqrt(2);
        var t = 1 / (1 + 0.5 * Math.Abs(x));
        var erfc = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return 0.5 * (x >= 0 ? erfc : 2 - erfc);
    }
}
