namespace IotService.Contracts.Alarms;

/// <summary>
/// Why an alarm fired, in the same shape for every rule kind: the observed value against the range the
/// rule expected (a threshold's limit, or the range an anomaly detector learned), and a score where one exists.
/// <paramref name="Text"/> says it in one sentence for people. Learned rules add since when the behaviour
/// deviates and which properties contribute most; a forecast adds when it expects the limit to be crossed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlarmExplanation(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Property = null,
    [property: Id(2)] double? Observed = null,
    [property: Id(3)] double? ExpectedLow = null,
    [property: Id(4)] double? ExpectedHigh = null,
    [property: Id(5)] double? Score = null)
{
    /// <summary>Since when the behaviour the rule fired on has been seen (the first deviating reading).</summary>
    [Id(6)] public DateTimeOffset? DeviatingSince { get; init; }

    /// <summary>For a rule over several properties: the properties that contribute most, largest share first.</summary>
    [Id(7)] public IReadOnlyList<AlarmContribution> Contributors { get; init; } = [];

    /// <summary>For a forecast: when the trend is expected to cross its limit, with the confidence band.</summary>
    [Id(8)] public AlarmForecast? Forecast { get; init; }

    /// <summary>
    /// What a customer is told instead when the rule watches a property the model shows to technicians only: that
    /// something is wrong, not the values that say what.
    /// </summary>
    public static AlarmExplanation Withheld(string ruleId) => new($"Rule '{ruleId}' found a problem that a technician will look into.");

    /// <summary>By value, contributors item by item: a stored and reloaded explanation equals the one stored, whatever list type read it back.</summary>
    public bool Equals(AlarmExplanation? other) =>
        other is not null
        && (Text, Property, Observed, ExpectedLow, ExpectedHigh, Score, DeviatingSince, Forecast)
            == (other.Text, other.Property, other.Observed, other.ExpectedLow, other.ExpectedHigh, other.Score, other.DeviatingSince, other.Forecast)
        && Contributors.SequenceEqual(other.Contributors);

    public override int GetHashCode() => HashCode.Combine(Text, Property, Observed, ExpectedLow, ExpectedHigh, Score, DeviatingSince, Forecast);
}
