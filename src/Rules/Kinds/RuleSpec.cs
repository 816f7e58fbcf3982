namespace IotService.Rules.Kinds;

/// <summary>
/// A rule as a model declares it: one flat shape for every kind, each kind reading the fields it needs. It mirrors
/// the contract's rule definition field for field, because Rules depends on nothing of ours; severity and
/// enabled are the host's business and are not here.
/// </summary>
public sealed record RuleSpec(
    string Id,
    string Kind,
    string? Property = null,
    string? Operator = null,
    double? Value = null,
    double? HighValue = null,
    double? DurationSeconds = null,
    double? ClearValue = null,
    double? Sensitivity = null,
    double? Seconds = null,
    double? Limit = null,
    double? HorizonSeconds = null)
{
    /// <summary>The <see cref="Property"/> a rule over every property of its model may spell (so may it leave the property out).</summary>
    public const string AllProperties = "all";
}
