namespace IotService.Rules.Anomalies.Detection;

public sealed partial class SeriesDetector
{
    /// <summary>
    /// Discounts a surprise that this series has shown at about this time of day before: a nightly backup, a cron job or
    /// the morning start-up is a spike or a step every day, and no predictor that looks at the last readings foresees it.
    /// Each time-of-day slot remembers the largest remarkable surprise seen near it lately (fading by
    /// <see cref="DetectorSettings.DailyFade"/> a day); a reading's surprise is divided by what is remembered within
    /// <see cref="DetectorSettings.DailyTolerance"/> of its time, so yesterday's spike again is ordinary and a spike
    /// four times as large is still four times as surprising.
    /// </summary>
    private double DailyDiscount(double surprise, DateTimeOffset at)
    {
        // Stored as log2(surprise) + fade × day number, so fading needs no clock per slot and works for irregular readings:
        // what is remembered now is the stored value minus fade × today.
        var fade = Math.Log2(_settings.DailyFade) * (at.UtcTicks / (double)TimeSpan.TicksPerDay);
        var slot = ProfileSlot(at);
        var slots = _remarkable.Length;
        var reach = (int)Math.Round(_settings.DailyTolerance.Ticks * slots / (double)TimeSpan.TicksPerDay);
        var remembered = double.NegativeInfinity;
        for (var offset = -reach; offset <= reach; offset++)
        {
            remembered = Math.Max(remembered, _remarkable[((slot + offset) % slots + slots) % slots]);
        }

        remembered -= fade;
        var octaves = Math.Log2(Math.Max(surprise, 1e-300));
        var remarkable = Math.Log2(_settings.RemarkableSurprise);
        // Not while the series is being learned: its first readings surprise a detector that knows nothing yet, and
        // remembered they blunted every spike near that time of day for two days (a new device's replay found nothing).
        if (octaves >= remarkable && _seen > _settings.LearningReadings)
        {
            _remarkable[slot] = (float)Math.Max(_remarkable[slot], octaves + fade);
        }

        return remembered >= remarkable ? surprise / Math.Pow(2, remembered) : surprise;
    }
}
