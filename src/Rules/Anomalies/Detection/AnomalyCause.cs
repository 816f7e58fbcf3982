namespace IotService.Rules.Anomalies.Detection;

/// <summary>Which of the detector's channels gave a reading its score, so an alarm can say what was unusual.</summary>
public enum AnomalyCause
{
    /// <summary>The reading itself: far from what the best predictor expected.</summary>
    Reading,

    /// <summary>The last few readings together: each a little off, on the same side, for longer than usual.</summary>
    Course,

    /// <summary>The short level has moved away from the long level faster than it ever did: a climb or a fall.</summary>
    Drift,

    /// <summary>Many readings far from the usual level in the last few dozen, more than the series usually has.</summary>
    Burst,
}
