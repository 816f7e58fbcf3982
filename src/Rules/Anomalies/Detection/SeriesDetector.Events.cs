namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>
    /// Turns likelihoods into event scores: a reading scores only when it is the first surprising one of an event or
    /// is several times as unlikely as the event's best so far; every other reading scores 0. An event ends after a mostly calm stretch:
    /// each calm reading counts one, each restless one sets the count back by <see cref="DetectorSettings.CalmSetback"/>.
    /// </summary>
    private double Report(double decades, DateTimeOffset at)
    {
        double reported = 0;
        var bar = _eventSince is null ? _settings.EventDecades : _eventBest * _settings.NewPeakFactor;
        if (decades > bar)
        {
            reported = decades;
            _eventBest = decades;
            _eventSince ??= at;
            _calm = 0;
        }
        else if (decades < _settings.CalmDecades)
        {
            if (++_calm > _settings.CalmReadings)
            {
                _eventBest = 0;
                _eventSince = null;
            }
        }
        else
        {
            // A setback, not a restart: on a noisy series an ordinary blip now and then must not keep an event open for days.
            _calm = Math.Max(0, _calm - _settings.CalmSetback);
        }

        return Math.Min(1, reported / _settings.FullScaleDecades);
    }
}
