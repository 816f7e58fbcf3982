namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>
    /// How familiar this reading is as a surprise: the last <see cref="DetectorSettings.ContextMemory"/> remarkable
    /// surprises are remembered by their context (the value and the one before it, each as signed octaves of distance
    /// from the running median in units of the usual distance from it), and a reading sums every remembered context near
    /// its own (a Gaussian kernel <see cref="DetectorSettings.ContextWidth"/> octaves wide), each fading by half every
    /// <see cref="DetectorSettings.ContextHalfLife"/> readings. The caller divides the likelihood by one plus this over
    /// <see cref="DetectorSettings.ContextTolerance"/>.
    /// <para>
    /// Why: disk-write, network and CPU series repeat spikes of the same size from the same level at irregular times, so
    /// the time-of-day memory does not catch them, and each was reported as news (the main loss on NAB). A spike several
    /// times the size, one from another level, or a step to a level never seen is far from every remembered context and
    /// is still news; a burst of familiar spikes is left to the burst channel (<see cref="DensityDecades"/>). The value
    /// before matters: without it a step down to a familiar level looked like the familiar spike (NAB 62.8 instead of
    /// 68.1). A kernel rather than bins, so two spikes of nearly the same size never fall on either side of a bin edge
    /// (with bins the score moved by ±3 points when the bin edges were shifted by a quarter octave).
    /// </para>
    /// </summary>
    /// <param name="rawSurprise">The surprise before any discount: what is remembered is what surprised the predictors.</param>
    /// <param name="value">The reading.</param>
    /// <param name="needed">Whether the familiarity matters (a likelihood below the calm level stays calm when divided);
    /// when not, only the memory is updated, which keeps a calm reading cheap.</param>
    private double ContextFamiliarity(double rawSurprise, double value, bool needed)
    {
        var position = ContextPosition(value);
        var previous = _previousPosition;
        _previousPosition = position;
        if (_seen <= _settings.WarmUpReadings)
        {
            return 0;
        }

        var familiarity = 0.0;
        if (needed)
        {
            var width = 2 * _settings.ContextWidth * _settings.ContextWidth;
            var fade = Math.Log(2) / _settings.ContextHalfLife;
            for (var i = 0; i < _contextAt.Length; i++)
            {
                if (_contextAt[i] <= 0)
                {
                    continue;
                }

                var du = position - _contextValue[i];
                var dp = previous - _contextPrevious[i];
                familiarity += Math.Exp(-(du * du + dp * dp) / width - (_seen - _contextAt[i]) * fade);
            }
        }

        if (rawSurprise >= _settings.RemarkableSurprise && _contextAt.Length > 0)
        {
            var slot = _contextNext;
            _contextValue[slot] = (float)position;
            _contextPrevious[slot] = (float)previous;
            _contextAt[slot] = _seen;
            _contextNext = (slot + 1) % _contextAt.Length;
        }

        return familiarity;
    }

    /// <summary>The value's signed octaves of distance from the running median, in units of the usual distance from it.</summary>
    private double ContextPosition(double value)
    {
        var scale = _medianDistance + 1e-9 + 1e-6 * Math.Abs(_median);
        var octaves = Math.Log2(1 + Math.Abs(value - _median) / scale);
        return value >= _median ? octaves : -octaves;
    }
}
