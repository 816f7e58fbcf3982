using IotService.Rules.Anomalies.Multivariate;

namespace IotService.Rules.Kinds;

/// <summary>
/// What a rule may know of its model when it compiles: the declared properties and their units, and the model's
/// current trained multivariate detector, if the host has one (an anomaly rule on every property scores with it).
/// </summary>
public sealed class RuleScope(IReadOnlyDictionary<string, string?> unitsByProperty, MultivariateModel? multivariate = null)
{
    public static readonly RuleScope Empty = new(new Dictionary<string, string?>());

    public IEnumerable<string> Properties => unitsByProperty.Keys;

    /// <summary>The model's trained multivariate detector; null until one is trained.</summary>
    public MultivariateModel? Multivariate { get; } = multivariate;

    public bool Declares(string property) => unitsByProperty.ContainsKey(property);

    public string? UnitOf(string property) => unitsByProperty.GetValueOrDefault(property);
}
