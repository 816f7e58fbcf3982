namespace IotService.Rules.Kinds;

/// <summary>What a rule may know of its model when it compiles: the declared properties and their units.</summary>
public sealed class RuleScope(IReadOnlyDictionary<string, string?> unitsByProperty)
{
    public static readonly RuleScope Empty = new(new Dictionary<string, string?>());

    public IEnumerable<string> Properties => unitsByProperty.Keys;

    public bool Declares(string property) => unitsByProperty.ContainsKey(property);

    public string? UnitOf(string property) => unitsByProperty.GetValueOrDefault(property);
}
