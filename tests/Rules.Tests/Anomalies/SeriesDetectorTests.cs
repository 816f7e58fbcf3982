using IotService.Rules.Anomalies.Detection;
using IotService.Rules.Kinds;

namespace IotService.Rules.Tests.Anomalies;

/// <summary>
/// The streaming detector on synthetic series at 5-minute readings: the kinds of anomaly it must catch score high, the
/// behaviour it must learn scores low once learned, and its state survives a checkpoint and bad readings.
/// </summary>
public sealed class SeriesDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private const int Day = 288;

    /// <summary>A score the hub alarms on at the default sensitivity (the best single threshold on the NAB development set).</summary>
    private static readonly double High = DetectorSettings.Default.AlarmScore;

    private static double Noise(Random random) => random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5;

    /// <summary>Scores readings i = 0 … count − 1 at 5-minute steps.</summary>
    private static double[] Run(SeriesDetector detector, int count, Func<int, double> value, int from = 0)
    {
        var scores = new double[count];
        for (var i = 0; i < count; i++)
        {
            scores[i] = detector.Score(value(from + i), T0 + (from + i) * Step);
        }

        return scores;
    }

    private static double Max(double[] scores, int from, int to) => scores[from..to].Max();

    private static double DailyCycle(int i, Random random) => 20 + 5 * Math.Sin(2 * Math.PI * i / Day) + 0.3 * Noise(random);

    [Fact]
    public void ASpikeScoresHigh()
    {
        var random = new Random(1);
        var scores = Run(new SeriesDetector(), 3 * Day, i => i == 2 * Day ? 30 : 10 + 0.5 * Noise(random));

        Assert.True(scores[2 * Day] >= High, $"spike scored {scores[2 * Day]}");
    }

    [Fact]
    public void ALevelShiftScoresHigh()
    {
        var random = new Random(2);
        var scores = Run(new SeriesDetector(), 3 * Day, i => (i >= 2 * Day ? 14 : 10) + 0.5 * Noise(random));

        Assert.True(Max(scores, 2 * Day, 2 * Day + 12) >= High, "the shift was not flagged within an hour");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    public void ADriftOutOfTheUsualRangeWithinHoursScoresHigh(int seed)
    {
        // 20 noise spreads in about 8 hours, after four days of history: each step is ordinary to the last-value
        // predictor, the climb as a whole is not.
        var random = new Random(seed);
        var scores = Run(new SeriesDetector(), 5 * Day, i => 10 + 5 * Math.Clamp((i - 4 * Day) / 100.0, 0, 1) + 0.25 * Noise(random) / 0.5);

        Assert.True(Max(scores, 4 * Day, 4 * Day + 100) >= High, "the drift was not flagged before it levelled off");
    }

    /// <summary>
    /// A series around 10 that spikes by +6 at irregular times, every 40–80 readings, for four days; then, on day 5, a
    /// spike of +24, and from reading 150 of day 5 a burst: the +6 spike on every third reading for 50 readings.
    /// </summary>
    private static (double[] Values, int[] Spikes) RecurringSpikes(int seed)
    {
        var random = new Random(seed);
        var spikes = new List<int>();
        for (var i = 200; i < 4 * Day; i += 40 + random.Next(40))
        {
            spikes.Add(i);
        }

        var values = Enumerable.Range(0, 5 * Day).Select(i => 10 + (0.5 * Noise(random))
            + (spikes.Contains(i) ? 6 : 0)
            + (i == (4 * Day) + 20 ? 24 : 0)
            + (i >= (4 * Day) + 150 && i < (4 * Day) + 200 && i % 3 == 0 ? 6 : 0)).ToArray();
        return (values, [.. spikes]);
    }

    [Fact]
    public void ASpikeThatRecursAtIrregularTimesIsLearnedButOneFourTimesAsLargeIsNot()
    {
        var (values, spikes) = RecurringSpikes(seed: 12);
        var scores = Run(new SeriesDetector(), 5 * Day, i => values[i]);

        Assert.True(scores[spikes[0]] >= High, $"the first spike scored {scores[spikes[0]]}");
        Assert.All(spikes.Where(i => i >= 3 * Day), i => Assert.True(scores[i] < High, $"the familiar spike at {i} scored {scores[i]}"));
        Assert.True(scores[(4 * Day) + 20] >= High, $"a spike four times as large scored {scores[(4 * Day) + 20]}");
    }

    [Fact]
    public void ABurstOfFamiliarSpikesScoresHighAsABurst()
    {
        var (values, _) = RecurringSpikes(seed: 13);
        var detector = new SeriesDetector();
        Run(detector, (4 * Day) + 150, i => values[i]);

        var burst = Enumerable.Range((4 * Day) + 150, 50)
            .Select(i => (Score: detector.Score(values[i], T0 + (i * Step)), detector.LastWasBurst, detector.RecentExcursions))
            .MaxBy(r => r.Score);

        Assert.True(burst.Score >= High, $"the burst scored {burst.Score}");
        Assert.True(burst.LastWasBurst);
        Assert.True(burst.RecentExcursions > 5 * detector.UsualExcursions, $"{burst.RecentExcursions} recent against {detector.UsualExcursions} usual");
        Assert.True(detector.InEvent);
    }

    [Fact]
    public void AVarianceChangeScoresHigh()
    {
        var random = new Random(4);
        var scores = Run(new SeriesDetector(), 3 * Day, i => 10 + (i >= 2 * Day ? 4 : 0.5) * Noise(random));

        Assert.True(Max(scores, 2 * Day, 2 * Day + 24) >= High, "noise eight times as large was not flagged within two hours");
    }

    [Fact]
    public void SteadyNoiseScoresLowAfterWarmUp()
    {
        var random = new Random(5);
        var scores = Run(new SeriesDetector(), 7 * Day, _ => 10 + 0.5 * Noise(random));

        Assert.True(Max(scores, Day, 7 * Day) < High, $"steady noise scored {Max(scores, Day, 7 * Day)}");
    }

    [Fact]
    public void ADailyCycleScoresLowAfterWarmUp()
    {
        var random = new Random(6);
        var scores = Run(new SeriesDetector(), 7 * Day, i => DailyCycle(i, random));

        Assert.True(Max(scores, 2 * Day, 7 * Day) < High, $"a daily cycle scored {Max(scores, 2 * Day, 7 * Day)}");
    }

    [Fact]
    public void ASpikeAtTheSameTimeEveryDayIsLearned()
    {
        var random = new Random(7);
        var scores = Run(new SeriesDetector(), 7 * Day, i => (i % Day == 40 && i > Day ? 30 : 10) + 0.5 * Noise(random));

        Assert.True(scores[Day + 40] >= High, "the first nightly spike is a surprise");
        Assert.True(Max(scores, 3 * Day, 7 * Day) < High, $"the nightly spike still scored {Max(scores, 3 * Day, 7 * Day)}");
    }

    [Fact]
    public void WhatSurprisedTheDetectorWhileItWasLearningIsNotRememberedAsADailyHabit()
    {
        // The first readings surprise a detector that knows nothing yet; remembered, they blunted the next days' spikes near that time.
        var random = new Random(8);
        var scores = Run(new SeriesDetector(), 2 * Day, i => (i == Day + 6 ? 30 : 10) + 0.5 * Noise(random));

        Assert.True(scores[Day + 6] >= High, $"a spike a day after the series began, near the time it began, scored {scores[Day + 6]}");
    }

    [Fact]
    public void ARestoredDetectorScoresTheFollowingReadingsIdentically()
    {
        var random = new Random(8);
        // Recurring spikes before the checkpoint (the context memory) and a spike, a climb and a burst after it, so that
        // every part of the state decides some later score.
        var values = Enumerable.Range(0, 5 * Day)
            .Select(i => DailyCycle(i, random) + (i % 61 == 0 ? 3 : 0) + (i == 4 * Day ? 15 : 0)
                + (10 * Math.Clamp((i - (4 * Day) - 50) / 100.0, 0, 1))
                + (i > (4 * Day) + 180 && i % 3 == 0 ? 3 : 0))
            .ToArray();
        var original = new SeriesDetector();
        Run(original, 3 * Day, i => values[i]);

        var writer = new CheckpointWriter(1);
        original.WriteTo(writer);
        var reader = new CheckpointReader(writer.ToArray());
        var restored = SeriesDetector.ReadFrom(ref reader);

        Assert.True(reader.Succeeded);
        Assert.Equal(original.Seen, restored.Seen);
        Assert.Equal(Run(original, 2 * Day, i => values[i], 3 * Day), Run(restored, 2 * Day, i => values[i], 3 * Day));
        Assert.Equal(original.Expected, restored.Expected);
        Assert.Equal(original.EventSince, restored.EventSince);
    }

    [Fact]
    public void NaNAndInfiniteValuesScoreZeroAndLeaveTheStateAsItWas()
    {
        var random = new Random(9);
        var values = Enumerable.Range(0, 3 * Day).Select(i => DailyCycle(i, random)).ToArray();
        var clean = new SeriesDetector();
        var dirty = new SeriesDetector();
        Run(clean, 2 * Day, i => values[i]);
        Run(dirty, 2 * Day, i => values[i]);

        Assert.Equal(0, dirty.Score(double.NaN, T0 + 2 * Day * Step));
        Assert.Equal(0, dirty.Score(double.PositiveInfinity, T0 + 2 * Day * Step));
        Assert.Equal(0, dirty.Score(double.NegativeInfinity, T0 + 2 * Day * Step));

        Assert.Equal(clean.Seen, dirty.Seen);
        Assert.Equal(Run(clean, Day, i => values[i], 2 * Day), Run(dirty, Day, i => values[i], 2 * Day));
        Assert.True(double.IsFinite(dirty.Expected) && double.IsFinite(dirty.ExpectedSpread));
    }

    [Fact]
    public void AnEventEndsAfterACalmStretchEvenOnANoisySeries()
    {
        var random = new Random(10);
        var detector = new SeriesDetector();
        Run(detector, 2 * Day, _ => 10 + 0.5 * Noise(random));
        Run(detector, 1, _ => 30, 2 * Day);
        Assert.True(detector.InEvent);
        Assert.True(detector.EventSince <= T0 + 2 * Day * Step);

        // Noise alone (with its occasional blip) for a day afterwards: the event must not be held open by it.
        Run(detector, Day, _ => 10 + 0.5 * Noise(random), 2 * Day + 1);

        Assert.False(detector.InEvent);
        Assert.Null(detector.EventSince);
    }

}
