using IotService.Rules.Kinds;

namespace IotService.Rules.NoData;

/// <summary>
/// A no-data rule at work. Silence is counted from the later of the last time the device (or the property) was
/// heard, by the hub's clock, and <see cref="NoDataSeries.WatchingSince"/>: so a new rule gives every device one
/// full period, and an alarm a person cleared on a device that stays quiet returns one full period later.
/// </summary>
public sealed class CompiledNoData(string id, string? property, TimeSpan period) : CompiledRule<NoDataSeries>
{
    public override string Id { get; } = id;

    public override string Kind => NoDataKind.KindName;

    /// <summary>The property it waits for; null: anything from the device.</summary>
    public string? Property { get; } = property;

    public TimeSpan Period { get; } = period;

    public override IReadOnlyList<string> Properties { get; } = property is null ? [] : [property];

    public override NoDataSeries Start(RuleStart start) => new()
    {
        WatchingSince = start.Now,
        FiredAt = start.AlarmOpenSince,
    };

    public override NoDataSeries? Restore(ReadOnlySpan<byte> checkpoint) => NoDataSeries.Read(checkpoint);

    public override RuleStep OnReading(NoDataSeries state, in RuleReading reading)
    {
        if (state.LastHeard is not { } heard || reading.ReceivedAt > heard)
        {
            state.LastHeard = reading.ReceivedAt;
        }

        return RuleStep.None;
    }

    // Only a value heard since the alarm was raised clears it, not one of an older batch that was still queued.
    public override RuleStep AfterReadings(NoDataSeries state, in DeviceActivity activity)
    {
        if (state.FiredAt is not { } fired || (Property is not null && !(state.LastHeard >= fired)))
        {
            return RuleStep.None;
        }

        state.FiredAt = null;
        return RuleStep.Clear(double.NaN);
    }

    public override RuleStep OnClock(NoDataSeries state, in DeviceActivity activity, DateTimeOffset now)
    {
        if (state.FiredAt is not null || now - QuietSince(state, activity) < Period)
        {
            return RuleStep.None;
        }

        state.FiredAt = now;
        return RuleStep.Raise(double.NaN);
    }

    public override DateTimeOffset? NextDue(NoDataSeries state, in DeviceActivity activity)
        => state.FiredAt is null ? RuleDurations.After(QuietSince(state, activity), Period) : null;

    public override void OnAlarmCleared(NoDataSeries state, bool byPerson, DateTimeOffset at)
    {
        state.FiredAt = null;
        if (byPerson)
        {
            state.WatchingSince = at;
        }
    }

    public override RuleExplanation Explain(NoDataSeries state, RuleStep raise, in DeviceActivity activity, DateTimeOffset now)
    {
        var silent = Math.Floor((now - QuietSince(state, activity)).TotalSeconds);
        var what = Property is null ? "No data" : $"No {Property} readings";
        return new RuleExplanation(
            $"{what} for {ExplanationText.Number(silent)} s; the rule allows {ExplanationText.Number(Period.TotalSeconds)} s.",
            Property, silent, null, Period.TotalSeconds);
    }

    private DateTimeOffset QuietSince(NoDataSeries state, in DeviceActivity activity)
    {
        var heard = Property is null ? activity.LastSeen ?? activity.RegisteredAt : state.LastHeard ?? activity.RegisteredAt;
        return heard > state.WatchingSince ? heard : state.WatchingSince;
    }
}
