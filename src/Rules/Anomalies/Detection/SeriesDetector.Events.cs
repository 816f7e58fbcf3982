namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>
    /// Turns likelihoods into event scores: a reading scores only when it is the first surprising one of an event or
    /// clearly beats the event's best so far; every other reading scores 0. An event ends after a calm stretch.
    /// </summary>
    private double Report(double decades, DateTimeOffset at)
    {
        double reported = 0;
        if (decades > _eventBest + _settings.NewPeakDecades)
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
            _calm = 0;
        }

        return Math.Min(1, reported / _settings.FullScaleDecades);
    }
}
