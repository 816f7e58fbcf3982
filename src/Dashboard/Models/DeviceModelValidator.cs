using System.Text.RegularExpressions;
using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Dashboard.Api;
using IotService.Rules.Thresholds;

namespace IotService.Dashboard.Models;

/// <summary>Checks a device model before it is saved, reporting every problem at once.</summary>
public static partial class DeviceModelValidator
{
    public static readonly string[] ActionNames = ["notifyOwner", "notifySupervisor", "notifyCustomer", "createWorkOrder"];
    public static readonly string[] WorkOrderTypes = ["installation", "repair", "preventive", "predictive", "inspection"];

    public static void Validate(DeviceModelDefinition model)
    {
        var errors = new ValidationErrors();
        errors.Require(Ids.IsValid(model.Id), "id", Ids.Rule);
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

        ValidateRules(model.Rules ?? [], names, errors);
        foreach (var (severity, actions) in model.Actions ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            errors.Require(Enum.TryParse<Severity>(severity, ignoreCase: true, out var s) && s != Severity.None, $"actions.{severity}", "not a severity (critical, major, minor, warning)");
            foreach (var action in actions ?? [])
            {
                errors.Require(ActionNames.Contains(action), $"actions.{severity}", $"unknown action '{action}' (known: {string.Join(", ", ActionNames)})");
            }
        }

        errors.Require(model.EscalateAfterSeconds is null or > 0, "escalateAfterSeconds", "more than 0, or left out for no escalation");
        if (model.WorkOrder is { } wo)
        {
            errors.Require(WorkOrderTypes.Contains(wo.Type), "workOrder.type", $"one of {string.Join(", ", WorkOrderTypes)}");
            errors.Require(!string.IsNullOrWhiteSpace(wo.Skill), "workOrder.skill", "required");
            errors.Require(wo.Level is >= 1 and <= 5, "workOrder.level", "1 to 5");
        }

        errors.ThrowIfAny();
    }

    /// <summary>
    /// Checks one rule against the model's property names, reporting under <paramref name="at"/> (<c>rules[2]</c>).
    /// Model save and rule replay both use it, so a rule that can be replayed can be saved and vice versa.
    /// </summary>
    public static void ValidateRule(RuleDefinition r, string at, IReadOnlySet<string> properties, ValidationErrors errors)
    {
        errors.Require(Ids.IsValid(r.Id), $"{at}.id", Ids.Rule);
        errors.Require(RuleKinds.All.Contains(r.Kind), $"{at}.kind", $"one of {string.Join(", ", RuleKinds.All)}");
        errors.Require(r.Severity != Severity.None, $"{at}.severity", "critical, major, minor or warning");
        var needsProperty = r.Kind is RuleKinds.Threshold or RuleKinds.Forecast;
        errors.Require(!needsProperty || r.Property is not null, $"{at}.property", "required for this kind");
        errors.Require(r.Property is null || properties.Contains(r.Property), $"{at}.property", $"'{r.Property}' is not a property of this model");
        switch (r.Kind)
        {
            case RuleKinds.Threshold:
                errors.Require(ThresholdOperators.TryParse(r.Operator, out var op), $"{at}.operator", "one of >, >=, <, <=, outside, equals");
                errors.Require(r.Value is not null, $"{at}.value", "required");
                errors.Require(op != ThresholdOperator.OutsideRange || (r.HighValue is not null && r.HighValue >= r.Value), $"{at}.highValue", "outside needs value (low) and highValue (high)");
                errors.Require(r.DurationSeconds is null or >= 0, $"{at}.durationSeconds", "0 or more");
                break;
            case RuleKinds.NoData:
                errors.Require(r.Seconds is > 0, $"{at}.seconds", "more than 0");
                break;
            case RuleKinds.Anomaly:
                errors.Require(r.Sensitivity is null or (>= 0 and <= 1), $"{at}.sensitivity", "0 to 1");
                break;
            case RuleKinds.Forecast:
                errors.Require(r.Limit is not null, $"{at}.limit", "required");
                errors.Require(r.HorizonSeconds is > 0, $"{at}.horizonSeconds", "more than 0");
                break;
        }
    }

    private static void ValidateRules(IReadOnlyList<RuleDefinition> rules, HashSet<string> properties, ValidationErrors errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            errors.Require(rules[i].Id is null || ids.Add(rules[i].Id), $"rules[{i}].id", $"'{rules[i].Id}' is used by another rule");
            ValidateRule(rules[i], $"rules[{i}]", properties, errors);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex PropertyPattern();
}
