namespace IotService.Rules.Anomalies.Detection;

/// <summary>
/// The streaming detector's constants. <see cref="Default"/> is what the hub runs and what the NAB runner scores;
/// the others exist for experiments and tests, never per rule (a rule tunes only its sensitivity).
/// </summary>
public sealed record DetectorSettings
{
    public static DetectorSettings Default { get; } = new();

    /// <summary>Readings before any score is given: the series' level, spread and profile are being learned.</summary>
    public int WarmUpReadings { get; init; } = 10;

    /// <summary>
    /// Readings a series is watched before its rule may raise: the usual surprise of a series is not known from a
    /// handful of readings, and a new device must not alarm on its first minutes. (The NAB runner reports every
    /// score; NAB ignores the first 15% of each file for the same reason.)
    /// </summary>
    public int LearningReadings { get; init; } = 150;

    /// <summary>Weight of a new reading in the short-term level (about the last 10 readings).</summary>
    public double ShortRate { get; init; } = 0.1;

    /// <summary>Weight of a new reading in the long-term level and in every predictor's error (about the last 100 readings).</summary>
    public double LongRate { get; init; } = 0.01;

    /// <summary>Slots of the time-of-day profile (96: a quarter of an hour each).</summary>
    public int ProfileSlots { get; init; } = 96;

    /// <summary>Weight of a new reading in its time-of-day slot (the profile follows the last few days).</summary>
    public double ProfileRate { get; init; } = 0.5;

    /// <summary>
    /// A surprise of at least this many usual errors is remembered at its time of day, so the same surprise at about the
    /// same time on the following days is discounted (see <see cref="DailyTolerance"/>).
    /// </summary>
    public double RemarkableSurprise { get; init; } = 5;

    /// <summary>How far apart in time of day two surprises may be and still count as the same daily one (jobs drift).</summary>
    public TimeSpan DailyTolerance { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How much a remembered daily surprise shrinks each day it does not come back (2: it halves).</summary>
    public double DailyFade { get; init; } = 2;

    /// <summary>A prediction error is counted up to this many error scales: beyond it, more is not more surprising.</summary>
    public double SurpriseCap { get; init; } = 20;

    /// <summary>Readings the sustained surprise is averaged over.</summary>
    public int SustainedReadings { get; init; } = 10;

    /// <summary>
    /// Weight of a new surprise in what is usual for this series: a plain average of everything since warm-up for the
    /// first 3,300 readings, then about the last 3,300 (4.6 h at one reading every 5 s, 2.3 days at one a minute).
    /// </summary>
    public double UsualRate { get; init; } = 0.0003;

    /// <summary>
    /// While an event lasts, a reading scores again only when its likelihood is this many times the event's best so
    /// far: a fault that grows much worse is reported again, one that merely goes on is not (each report past the
    /// alarm threshold costs a false alarm where the event is not a fault).
    /// </summary>
    public double NewPeakFactor { get; init; } = 3;

    /// <summary>Decades of likelihood (5: one in 100,000) at which a calm series has an event and reports its first score.</summary>
    public double EventDecades { get; init; } = 5;

    /// <summary>An event ends after this many readings in a row below <see cref="CalmDecades"/>.</summary>
    public int CalmReadings { get; init; } = 100;

    /// <summary>How many calm readings one restless reading undoes while an event winds down.</summary>
    public int CalmSetback { get; init; } = 10;

    /// <summary>Below this many decades of likelihood a reading counts as calm.</summary>
    public double CalmDecades { get; init; } = 2;

    /// <summary>
    /// The score at which a rule of default sensitivity (0.5) raises: between the single thresholds that score best on
    /// the NAB development set (0.30) and on NAB's other categories (0.34). The NAB scorer chooses one per data set; the
    /// hub has to choose it once for everyone.
    /// </summary>
    public double AlarmScore { get; init; } = 0.33;

    /// <summary>
    /// Decades of likelihood a gap between the short and long levels may reach before it counts (20: about ten times
    /// the gap's usual spread). Levels part on real series all the time: counted from zero, the gap cost 5 points on
    /// NAB; from 20 it changes no NAB score and still reports a climb of 10 spreads in 50 readings.
    /// </summary>
    public double DepartureAllowanceDecades { get; init; } = 20;

    /// <summary>Readings a series must have before the gap between its levels counts (about ten long-level memories).</summary>
    public int GapLearningReadings { get; init; } = 1000;

    /// <summary>How often the gap's judging takes up what was learned of it (the long level's memory: 100 readings).</summary>
    public int GapReadings { get; init; } = 100;

    /// <summary>Decades of likelihood that make a score of 1.</summary>
    public double FullScaleDecades { get; init; } = 20;

    /// <summary>
    /// Remarkable surprises the context memory remembers (see <see cref="ContextTolerance"/>); 16 to 64 score within a
    /// point of 32 on NAB.
    /// </summary>
    public int ContextMemory { get; init; } = 32;

    /// <summary>
    /// How near a remembered context must be to count, in octaves of distance from the running median (the width of
    /// the kernel): a spike half again as large from the same level is nearly the same context, one four times as large
    /// is another.
    /// </summary>
    public double ContextWidth { get; init; } = 0.5;

    /// <summary>Readings over which a remembered context's weight halves: a habit that stops is forgotten.</summary>
    public int ContextHalfLife { get; init; } = 2000;

    /// <summary>
    /// The likelihood is divided by 1 + familiarity / this, where familiarity counts the remembered remarkable surprises
    /// in about this reading's context (see <see cref="ContextWidth"/>): two of them halve it, four divide it by three.
    /// </summary>
    public double ContextTolerance { get; init; } = 2;

    /// <summary>A reading this many usual distances from the running median is an excursion, for the burst channel.</summary>
    public double ExcursionSpreads { get; init; } = 4;

    /// <summary>How far the running median moves towards each reading, in usual distances.</summary>
    public double MedianStep { get; init; } = 0.01;

    /// <summary>Weight of a new reading in the recent rate of excursions (about the last 30 readings).</summary>
    public double DensityRate { get; init; } = 0.033;

    /// <summary>The least long-run rate of excursions a series is assumed to have, per reading (one in 500).</summary>
    public double DensityFloor { get; init; } = 0.002;

    /// <summary>Decades of Poisson tail at which a burst of excursions is reported.</summary>
    public double DensityDecades { get; init; } = 4;

    /// <summary>Decades of Poisson tail that make a burst's score 1 (a burst's tail is far shorter than a spike's).</summary>
    public double DensityFullScaleDecades { get; init; } = 10;
}
