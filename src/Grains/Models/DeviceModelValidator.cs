using System.Text.RegularExpressions;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Grains.Alarms;
using IotService.Rules.Kinds;

namespace IotService.Grains.Models;

/// <summary>
/// Checks a device model before it is saved, reporting every problem at once. The model-level checks are here;
/// each rule's own fields are checked by its kind, so a kind that plugs in brings its checks along.
/// </summary>
public static partial class DeviceModelValidator
{
    public static readonly string[] WorkOrderTypes = ["installation", "repair", "preventive", "predictive", "inspection"];

    public static IReadOnlyList<FieldError> Validate(DeviceModelDefinition model, RuleKindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<FieldError>();
        errors.Require(IdShape.IsValid(model.Id), "id", IdShape.Description);
        errors.Require(!string.IsNullOrWhiteSpace(model.Name), "name", "required");
        var properties = model.Properties ?? [];
        errors.Require(properties.Count is >= 1 and <= 256, "properties", "a model declares 1 to 256 properties");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            errors.Require(p.Name is not null && PropertyPattern().IsMatch(p.Name), $"properties[{i}].name", "1–64 characters: a letter or '_' first, then letters, digits, '_', '.', '-'");
            errors.Require(p.Name is null || names.Add(p.Name), $"properties[{i}].name", $"'{p.Name}' is declared twice");
            errors.Require(p.Min is null || p.Max is null || p.Min <= p.Max, $"properties[{i}]", "min is greater than max");
        }

        ValidateRules(model.Rules ?? [], RuleDefinitions.ScopeOf(model), kinds, errors);
        foreach (var (severity, actions) in model.Actions ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            errors.Require(Enum.TryParse<Severity>(severity, ignoreCase: true, out var s) && s != Severity.None, $"actions.{severity}", "not a severity (critical, major, minor, warning)");
            foreach (var action in actions ?? [])
            {
                errors.Require(DeviceRules.ActionNames.Contains(action), $"actions.{severity}", $"unknown action '{action}' (known: {string.Join(", ", DeviceRules.ActionNames)})");
            }
        }

        errors.Require(model.EscalateAfterSeconds is null or > 0, "escalateAfterSeconds", "more than 0, or left out for no escalation");
        if (model.WorkOrder is { } wo)
        {
            errors.Require(WorkOrderTypes.Contains(wo.Type), "workOrder.type", $"one of {string.Join(", ", WorkOrderTypes)}");
            errors.Require(!string.IsNullOrWhiteSpace(wo.Skill), "workOrder.skill", "required");
            errors.Require(wo.Level is >= 1 and <= 5, "workOrder.level", "1 to 5");
        }

        return errors;
    }

    /// <summary>
    /// Checks one rule against the model, reporting under <paramref name="at"/> (<c>rules[2]</c>): what every rule
    /// needs here, the rest by its kind. Model save and rule replay both use it, so a rule that can be replayed can
    /// be saved and vice versa.
    /// </summary>
    public static void ValidateRule(RuleDefinition r, string at, RuleScope scope, RuleKindRegistry kinds, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(errors);
        var kind = kinds.Find(r.Kind);
        errors.Require(IdShape.IsValid(r.Id), $"{at}.id", IdShape.Description);
        errors.Require(kind is not null, $"{at}.kind", $"one of {string.Join(", ", kinds.Names)}");
        errors.Require(r.Severity != Severity.None, $"{at}.severity", "critical, major, minor or warning");
        errors.Require(r.Property is null or RuleSpec.AllProperties || scope.Declares(r.Property), $"{at}.property", $"'{r.Property}' is not a property of this model");
        if (kind is not null)
        {
            errors.AddRange(kind.Compile(RuleDefinitions.ToSpec(r), scope).Errors.Select(e => e with { Field = $"{at}.{e.Field}" }));
        }
    }

    private static void ValidateRules(IReadOnlyList<RuleDefinition> rules, RuleScope scope, RuleKindRegistry kinds, List<FieldError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            errors.Require(rules[i].Id is null || ids.Add(rules[i].Id), $"rules[{i}].id", $"'{rules[i].Id}' is used by another rule");
            ValidateRule(rules[i], $"rules[{i}]", scope, kinds, errors);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex PropertyPattern();
}
