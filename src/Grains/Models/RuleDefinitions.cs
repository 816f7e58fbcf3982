using IotService.Contracts.Models;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;

namespace IotService.Grains.Models;

/// <summary>
/// Where the contract's <see cref="RuleDefinition"/> meets the rule kinds of <c>src/Rules</c>, which know nothing of
/// Contracts: the device grain, model validation and replay all compile a definition here, so they read it alike.
/// </summary>
public static class RuleDefinitions
{
    public static RuleSpec ToSpec(RuleDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new RuleSpec(
            definition.Id, definition.Kind, definition.Property, definition.Operator, definition.Value, definition.HighValue,
            definition.DurationSeconds, definition.ClearValue, definition.Sensitivity, definition.Seconds, definition.Limit,
            definition.HorizonSeconds);
    }

    /// <summary>The model's properties and units, and its trained multivariate detector if any, as a rule may see them.</summary>
    public static RuleScope ScopeOf(DeviceModelDefinition? model, MultivariateModel? multivariate = null)
    {
        var units = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in model?.Properties ?? [])
        {
            if (property?.Name is { } name)
            {
                units.TryAdd(name, property.Unit);
            }
        }

        return new RuleScope(units, multivariate);
    }

    /// <summary>The definition compiled by its kind; an unknown kind fails on <c>kind</c>.</summary>
    public static RuleCompilation Compile(RuleKindRegistry kinds, RuleDefinition definition, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(definition);
        return kinds.Find(definition.Kind) is { } kind
            ? kind.Compile(ToSpec(definition), scope)
            : RuleCompilation.Failed([new FieldError("kind", $"one of {string.Join(", ", kinds.Names)}")]);
    }
}
