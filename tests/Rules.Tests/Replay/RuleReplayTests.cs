using IotService.Rules.Kinds;
using IotService.Rules.Replay;
using IotService.Rules.Thresholds;

namespace IotService.Rules.Tests.Replay;

public sealed class RuleReplayTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ThresholdRule HotForTwoMinutes(double? clear = 75) =>
        new("hot", "temperature", ThresholdOperator.GreaterThan, 80, null, TimeSpan.FromMinutes(2), clear);

    /// <summary>Each firing's device, raise and clear times and peak (what these tests are about; <see cref="RuleFiring.Why"/> is tested on its own).</summary>
    private static (string, DateTimeOffset, DateTimeOffset?, double)[] Timing(ReplayResult result)
        => [.. result.Firings.Select(f => (f.DeviceId, f.RaisedAt, f.ClearedAt, f.PeakValue))];

    // One reading a minute for a device, starting at T0.
    private static IEnumerable<ReplayReading> PerMinute(string deviceId, params double[] values) =>
        values.Select((v, i) => new ReplayReading(deviceId, T0.AddMinutes(i), v));

    [Fact]
    public void AKnownSeriesGivesAKnownCountAndTimes()
    {
        //                                    0   1   2   3   4   5   6   7   8   9  10  11  12  13
        var readings = PerMinute("pump-7", 70, 81, 82, 85, 79, 76, 74, 81, 90, 70, 81, 82, 83, 84);

        var result = RuleReplay.Run(new CompiledThreshold(HotForTwoMinutes()), readings);

        Assert.Equal(2, result.FiringCount);
        Assert.Equal(14, result.ReadingCount);
        Assert.Equal(
            [
                ("pump-7", T0.AddMinutes(3), T0.AddMinutes(6), 85),
                ("pump-7", T0.AddMinutes(12), null, 84),
            ],
            Timing(result));
    }

    [Fact]
    public void AFiringSaysWhyAsTheAlarmRaisedByTheSameReadingWould()
    {
        var result = RuleReplay.Run(new CompiledThreshold(HotForTwoMinutes()), PerMinute("pump-7", 70, 81, 82, 85, 79));

        Assert.Equal("temperature is 85, above 80 for at least 120 s; clears at 75.", Assert.Single(result.Firings).Why);
    }

    [Fact]
    public void ReplayPredictsExactlyWhatTheLiveEvaluatorDoes()
    {
        var rule = HotForTwoMinutes();
        var readings = PerMinute("pump-7", 81, 82, 83, 78, 76, 74, 81, 82, 83, 84, 60).ToList();
        var state = ThresholdState.Initial;
        var raises = new List<DateTimeOffset>();
        foreach (var reading in readings)
        {
            (state, var transition) = ThresholdEvaluator.Evaluate(rule, state, reading.Value, reading.Timestamp);
            if (transition == RuleTransition.Raise)
            {
                raises.Add(reading.Timestamp);
            }
        }

        var result = RuleReplay.Run(new CompiledThreshold(rule), readings);

        Assert.Equal(raises, result.Firings.Select(f => f.RaisedAt));
    }

    [Fact]
    public void DevicesAreReplayedIndependentlyEvenWhenInterleaved()
    {
        var readings = PerMinute("a", 81, 81, 81, 70)
            .Concat(PerMinute("b", 70, 81, 81, 81))
            .OrderBy(r => r.Timestamp)
            .ToList();

        var result = RuleReplay.Run(new CompiledThreshold(HotForTwoMinutes(clear: null)), readings);

        Assert.Equal(
            [
                ("a", T0.AddMinutes(2), T0.AddMinutes(3), 81),
                ("b", T0.AddMinutes(3), null, 81),
            ],
            Timing(result));
    }

    [Fact]
    public void PeakOfALessThanRuleIsTheLowestValue()
    {
        var rule = new ThresholdRule("low", "pressure", ThresholdOperator.LessThan, 2, null, TimeSpan.Zero, null);

        var result = RuleReplay.Run(new CompiledThreshold(rule), PerMinute("p", 1.5, 0.8, 1.2, 3));

        Assert.Equal(("p", T0, T0.AddMinutes(3), 0.8), Assert.Single(Timing(result)));
    }

    [Fact]
    public void PeakOfAnOutsideRuleIsTheValueFarthestFromTheRange()
    {
        var rule = new ThresholdRule("band", "temperature", ThresholdOperator.OutsideRange, 20, 30, TimeSpan.Zero, null);

        var result = RuleReplay.Run(new CompiledThreshold(rule), PerMinute("p", 31, 17, 33, 25));

        Assert.Equal(("p", T0, T0.AddMinutes(3), 17), Assert.Single(Timing(result)));
    }

    [Fact]
    public void ALateReadingInTheHistoryNeitherClearsNorBecomesThePeak()
    {
        var readings = new[]
        {
            new ReplayReading("p", T0, 85),
            new ReplayReading("p", T0.AddMinutes(2), 86),
            new ReplayReading("p", T0.AddMinutes(1), 99),
            new ReplayReading("p", T0.AddMinutes(1), 10),
        };
        var rule = HotForTwoMinutes(clear: null) with { Duration = TimeSpan.Zero };

        var result = RuleReplay.Run(new CompiledThreshold(rule), readings);

        Assert.Equal(("p", T0, null, 86), Assert.Single(Timing(result)));
    }

    [Fact]
    public void AnEmptyHistoryNeverFires()
    {
        var result = RuleReplay.Run(new CompiledThreshold(HotForTwoMinutes()), []);

        Assert.Equal(new ReplayResult(0, 0, result.Firings), result);
        Assert.Empty(result.Firings);
    }
}
