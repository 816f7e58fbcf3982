using IotService.Contracts.Models;
using IotService.Contracts.Replay;
using IotService.Grains.Alarms;
using IotService.Grains.Anomalies;
using IotService.Grains.Models;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;

namespace IotService.Grains.Replay;

/// <summary>
/// Finds the rule a replay runs: the request's own (checked as a model save checks it) or one the model stores
/// (enabled or not), compiled by its kind, which must be replayable.
/// </summary>
internal sealed class ReplayRuleResolver(RuleKindRegistry kinds)
{
    /// <returns>The rule, or null with the reasons added to <paramref name="errors"/>.</returns>
    /// <param name="multivariate">The model's trained multivariate detector, which an anomaly rule on every property runs too; null when it has none.</param>
    public ModelRule? Resolve(DeviceModelDefinition model, RuleReplayRequest request, List<FieldError> errors, MultivariateModel? multivariate = null)
    {
        if ((request.Rule is null) == (request.RuleId is null))
        {
            errors.Add(new FieldError("rule", "give either rule (a new or edited rule) or ruleId (one of the model's rules), not both"));
            return null;
        }

        var found = errors.Count;
        var scope = RuleDefinitions.ScopeOf(model, multivariate);
        var field = request.RuleId is null ? "rule" : "ruleId";
        var definition = request.Rule;
        if (request.RuleId is { } ruleId)
        {
            definition = (model.Rules ?? []).FirstOrDefault(r => r.Id == ruleId);
            errors.Require(definition is not null, "ruleId", $"model '{model.Id}' has no rule '{ruleId}'");

            // A stored rule passed the checks when it was saved; only its kind can stop it now.
            errors.Require(definition is null || kinds.Find(definition.Kind) is { Replayable: true }, "ruleId", NotReplayable(definition));
        }
        else
        {
            // Unknown kinds are already reported by the rule checks; this names the known kinds replay cannot run yet.
            DeviceModelValidator.ValidateRule(definition!, "rule", scope, kinds, errors);
            errors.Require(kinds.Find(definition!.Kind) is not { Replayable: false }, "rule.kind", NotReplayable(definition));
        }

        if (errors.Count > found || definition is null)
        {
            return null;
        }

        var compiled = RuleDefinitions.Compile(kinds, definition, scope);
        errors.AddRange(compiled.Errors.Select(e => e with { Field = $"{field}.{e.Field}" }));
        return compiled.Rule is { } rule ? new ModelRule(definition, RuleFingerprint.Of(definition), rule) : null;
    }

    /// <summary>Whether the rule the request replays reads the model's multivariate detector (an anomaly rule on every property, enabled or not).</summary>
    public static bool ReadsDetector(DeviceModelDefinition model, RuleReplayRequest request)
    {
        var definition = request.Rule ?? (model.Rules ?? []).FirstOrDefault(r => r.Id == request.RuleId);
        return definition is not null && MultivariateSchedule.ReadsDetector(definition with { Enabled = true });
    }

    private string NotReplayable(RuleDefinition? rule) =>
        $"'{rule?.Kind}' rules cannot be replayed; replay supports {string.Join(", ", kinds.Kinds.Where(k => k.Replayable).Select(k => k.Name))} rules only";
}
