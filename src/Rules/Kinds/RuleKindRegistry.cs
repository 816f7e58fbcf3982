using IotService.Rules.Anomalies;
using IotService.Rules.Forecasts;
using IotService.Rules.NoData;
using IotService.Rules.Planned;
using IotService.Rules.Thresholds;

namespace IotService.Rules.Kinds;

/// <summary>
/// The rule kinds the hub knows, by <see cref="IRuleKind.Name"/>, in the order error messages list them. The host
/// finds a definition's kind here and talks to it only through <see cref="IRuleKind"/> and <see cref="ICompiledRule"/>,
/// so adding a kind is adding it to <see cref="Standard"/> (or <see cref="With"/> it), nothing else.
/// </summary>
public sealed class RuleKindRegistry
{
    private readonly Dictionary<string, IRuleKind> _byName;

    public RuleKindRegistry(IEnumerable<IRuleKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        Kinds = [.. kinds];
        _byName = new Dictionary<string, IRuleKind>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            if (!_byName.TryAdd(kind.Name, kind))
            {
                throw new ArgumentException($"Two rule kinds are named '{kind.Name}'.", nameof(kinds));
            }
        }

        Names = [.. Kinds.Select(kind => kind.Name)];
    }

    /// <summary>Threshold, no-data, anomaly and forecast, in the order of SPEC §6.</summary>
    public static RuleKindRegistry Standard { get; } = new([new ThresholdKind(), new NoDataKind(), new AnomalyKind(), new ForecastKind()]);

    public IReadOnlyList<IRuleKind> Kinds { get; }

    public IReadOnlyList<string> Names { get; }

    public IRuleKind? Find(string? name) => name is not null && _byName.TryGetValue(name, out var kind) ? kind : null;

    /// <summary>These kinds plus <paramref name="kind"/>, which replaces a kind of the same name in its place.</summary>
    public RuleKindRegistry With(IRuleKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return _byName.ContainsKey(kind.Name)
            ? new RuleKindRegistry(Kinds.Select(k => k.Name == kind.Name ? kind : k))
            : new RuleKindRegistry([.. Kinds, kind]);
    }
}
