using IotService.Contracts.Common;

namespace IotService.Dashboard.Demo;

/// <summary>
/// Realistic telemetry as a pure function of (device seed, time): a daily cycle over local time,
/// slow drift that resets (filters replaced, batteries charged), smooth and white noise, and
/// now and then a fault that pushes one property beyond its threshold. No state is kept, so a
/// restarted simulator carries on where it left off and tests can replay any moment.
/// </summary>
public sealed class SignalGenerator
{
    private const double StepHoldSeconds = 2 * 3600;
    private const double SmoothNoiseKnotSeconds = 300;
    private const double SpikeMinSeconds = 45;
    private const double SpikeMaxSeconds = 120;
    private const double StuckMinSeconds = 360;
    private const double StuckMaxSeconds = 900;
    private const double ShiftMinSeconds = 900;
    private const double ShiftMaxSeconds = 1800;
    private const double RampMinSeconds = 2400;
    private const double RampMaxSeconds = 3600;
    private const ulong DriftSalt = 1;
    private const ulong OffsetSalt = 2;
    private const ulong SmoothSalt = 3;
    private const ulong WhiteSalt = 4;
    private const ulong FaultSalt = 5;
    private const ulong WanderSalt = 6;

    private const ulong LearnedFaultSalt = 7;

    private readonly double _faultSpacingSeconds;
    private readonly double _learnedFaultSpacingSeconds;

    /// <param name="faultProbabilityPerHour">Expected faults per device per hour that push a property beyond a threshold, 0 to 1.</param>
    /// <param name="learnedFaultProbabilityPerHour">
    /// Expected faults per device per hour that only a learned rule finds (a shift, a broken relation, a ramp a forecast
    /// sees coming), 0 to 1: scheduled apart from the threshold faults so the demo can show them often.
    /// </param>
    public SignalGenerator(double faultProbabilityPerHour, double learnedFaultProbabilityPerHour = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(faultProbabilityPerHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(faultProbabilityPerHour, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(learnedFaultProbabilityPerHour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(learnedFaultProbabilityPerHour, 1);
        _faultSpacingSeconds = Spacing(faultProbabilityPerHour);
        _learnedFaultSpacingSeconds = Spacing(learnedFaultProbabilityPerHour);
    }

    public double Sample(DemoModel model, int propertyIndex, ulong deviceSeed, DateTimeOffset at, TimeSpan utcOffset)
        => Sample(model, propertyIndex, deviceSeed, at, utcOffset, FaultAt(model, deviceSeed, at));

    /// <summary>Every property of the model at one moment, in the model's order.</summary>
    public void SampleAll(DemoModel model, ulong deviceSeed, DateTimeOffset at, TimeSpan utcOffset, Span<double> values)
    {
        var fault = FaultAt(model, deviceSeed, at);
        for (var i = 0; i < model.Properties.Count; i++)
        {
            values[i] = Sample(model, i, deviceSeed, at, utcOffset, fault);
        }
    }

    /// <summary>The fault under way at <paramref name="at"/>, if any: a threshold fault first, else a learned one.</summary>
    public FaultEpisode? FaultAt(DemoModel model, ulong deviceSeed, DateTimeOffset at)
        => Scheduled(model, deviceSeed, at, _faultSpacingSeconds, FaultSalt, learned: false)
            ?? Scheduled(model, deviceSeed, at, _learnedFaultSpacingSeconds, LearnedFaultSalt, learned: true);

    private static bool IsLearned(FaultKind kind) => kind is FaultKind.Shift or FaultKind.Relation or FaultKind.Ramp;

    private static double Spacing(double probabilityPerHour) => probabilityPerHour > 0 ? 3600 / probabilityPerHour : double.PositiveInfinity;

    private static FaultEpisode? Scheduled(DemoModel model, ulong deviceSeed, DateTimeOffset at, double spacing, ulong salt, bool learned)
    {
        var faultable = model.Signals.Count(s => s.FaultValue is not null && IsLearned(s.FaultKind) == learned);
        if (faultable == 0 || double.IsPositiveInfinity(spacing))
        {
            return null;
        }

        // One fault per slot of the mean spacing, at a random point inside it: the configured rate
        // without the long quiet stretches and clusters that independent hourly draws give.
        var t = Seconds(at);
        var phase = StableHash.Unit(StableHash.Combine(deviceSeed, salt)) * spacing;
        var slot = Math.Floor((t + phase) / spacing);
        var hash = StableHash.Combine(deviceSeed, salt, (ulong)(long)slot);
        var index = NthFaultable(model, (int)(hash % (ulong)faultable), learned);
        var (shortest, longest) = model.Signals[index].FaultKind switch
        {
            FaultKind.Spike => (SpikeMinSeconds, SpikeMaxSeconds),
            FaultKind.Shift or FaultKind.Relation => (ShiftMinSeconds, ShiftMaxSeconds),
            FaultKind.Ramp => (RampMinSeconds, RampMaxSeconds),
            _ => (StuckMinSeconds, StuckMaxSeconds),
        };
        var duration = Lerp(shortest, longest, StableHash.Unit(StableHash.Mix(hash)));
        var start = (slot * spacing) - phase
            + (StableHash.Unit(StableHash.Mix(hash + 1)) * Math.Max(0, spacing - duration));
        return t >= start && t < start + duration
            ? new FaultEpisode(index, FromSeconds(start), FromSeconds(start + duration))
            : null;
    }

    /// <summary>Where a mobile device is: a slow loop of a few tens of metres around its home.</summary>
    public static GeoPoint Wander(GeoPoint home, ulong deviceSeed, DateTimeOffset at)
    {
        var t = Seconds(at);
        var phase = StableHash.Unit(StableHash.Combine(deviceSeed, WanderSalt)) * 2 * Math.PI;
        var eastKm = 0.03 * Math.Sin((2 * Math.PI * t / 600) + phase);
        var northKm = 0.02 * Math.Sin((2 * Math.PI * t / 420) + (2 * phase));
        return GeoMath.Offset(home, eastKm, northKm);
    }

    private static double Sample(DemoModel model, int index, ulong deviceSeed, DateTimeOffset at, TimeSpan utcOffset, FaultEpisode? fault)
    {
        var property = model.Properties[index];
        var shape = model.Signals[index];
        var key = StableHash.Combine(deviceSeed, StableHash.Of(property.Name));
        var t = Seconds(at);
        var normal = shape.Kind switch
        {
            SignalKind.Flag => shape.Baseline,
            SignalKind.Step => Math.Round(Analog(shape, key, Math.Floor(t / StepHoldSeconds) * StepHoldSeconds, utcOffset)),
            _ => Analog(shape, key, t, utcOffset),
        };
        var value = fault is { } episode && episode.PropertyIndex == index && shape.FaultValue is { } faultValue
            ? Faulty(shape, faultValue, normal, episode, key, t, () => Sample(model, index - 1, deviceSeed, at, utcOffset, null))
            : normal;
        return Math.Clamp(value, property.Min ?? double.MinValue, property.Max ?? double.MaxValue);
    }

    /// <summary>What a faulty property reads, by the kind of its fault; <paramref name="previous"/> is the model's previous property, normal.</summary>
    private static double Faulty(SignalShape shape, double faultValue, double normal, FaultEpisode episode, ulong key, double t, Func<double> previous)
    {
        var jitter = shape.Kind == SignalKind.Analog ? 0.5 * shape.Noise * StableHash.Signed(StableHash.Combine(key, WhiteSalt, (ulong)(long)t)) : 0;
        return shape.FaultKind switch
        {
            FaultKind.Shift => normal + faultValue,
            FaultKind.Relation => previous() + faultValue + jitter,
            FaultKind.Ramp => normal + ((faultValue - normal) * Math.Clamp((t - Seconds(episode.Start)) / (Seconds(episode.End) - Seconds(episode.Start)), 0, 1)),
            _ => faultValue + jitter,
        };
    }

    private static double Analog(SignalShape shape, ulong key, double t, TimeSpan utcOffset)
    {
        var localHour = PositiveModulo((t + utcOffset.TotalSeconds) / 3600, 24);
        var daily = shape.DailyAmplitude * Math.Cos(2 * Math.PI * (localHour - shape.PeakHour) / 24);

        var drift = 0.0;
        if (shape.DriftPeriodDays > 0)
        {
            var days = (t / 86_400) + (StableHash.Unit(StableHash.Combine(key, DriftSalt)) * shape.DriftPeriodDays);
            drift = shape.DriftPerDay * PositiveModulo(days, shape.DriftPeriodDays);
        }

        // Units differ a little from one another; within a unit, noise wanders smoothly with some jitter on top.
        var unitOffset = 0.5 * StableHash.Signed(StableHash.Combine(key, OffsetSalt));
        var white = StableHash.Signed(StableHash.Combine(key, WhiteSalt, (ulong)(long)Math.Floor(t)));
        var noise = shape.Noise * (unitOffset + (0.6 * SmoothNoise(key, t)) + (0.4 * white));
        return shape.Baseline + daily + drift + noise;
    }

    private static double SmoothNoise(ulong key, double t)
    {
        var position = t / SmoothNoiseKnotSeconds;
        var knot = Math.Floor(position);
        var a = StableHash.Signed(StableHash.Combine(key, SmoothSalt, (ulong)(long)knot));
        var b = StableHash.Signed(StableHash.Combine(key, SmoothSalt, (ulong)(long)knot + 1));
        var f = position - knot;
        return a + ((b - a) * f * f * (3 - (2 * f)));
    }

    private static int NthFaultable(DemoModel model, int n, bool learned)
    {
        for (var i = 0; i < model.Signals.Count; i++)
        {
            if (model.Signals[i].FaultValue is not null && IsLearned(model.Signals[i].FaultKind) == learned && n-- == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("Fewer faultable properties than counted.");
    }

    private static double Seconds(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;

    private static DateTimeOffset FromSeconds(double seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));

    private static double PositiveModulo(double x, double m) => ((x % m) + m) % m;

    private static double Lerp(double from, double to, double f) => from + ((to - from) * f);
}
