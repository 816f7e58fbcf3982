using IotService.Contracts.Models;
using IotService.Contracts.Replay;
using IotService.Grains.Alarms;
using IotService.Grains.Models;
using IotService.Rules.Kinds;

namespace IotService.Grains.Replay;

/// <summary>
/// Finds the rule a replay runs: the request's own (checked as a model save checks it) or one the model stores
/// (enabled or not), compiled by its kind, which must be replayable.
/// </summary>
internal sealed class ReplayRuleResolver(RuleKindRegistry kinds)
{
    /// <returns>The rule, or null with the reasons added to <paramref name="errors"/>.</returns>
    public ModelRule? Resolve(DeviceModelDefinition model, RuleReplayRequest request, List<FieldError> errors)
    {
        if ((request.Rule is null) == (request.RuleId is null))
        {
            errors.Add(new FieldError("rule", "give either rule (a new or edited rule) or ruleId (one of the model's rules), not both"));
            return null;
        }

        var found = errors.Count;
        var scope = RuleDefinitions.ScopeOf(model);
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

        // A replay feeds one stored series; a rule over several (an anomaly rule on every property) would have to align them.
        var single = compiled.Rule is null or { Properties.Count: 1 };
        errors.Require(single, request.RuleId is null ? "rule.property" : "ruleId", $"replay runs a rule over one property; rule '{definition.Id}' reads {compiled.Rule?.Properties.Count}: name one property");
        return single && compiled.Rule is { } rule ? new ModelRule(definition, RuleFingerprint.Of(definition), rule) : null;
    }

    private string NotReplayable(RuleDefinition? rule) =>
        $"'{rule?.Kind}' rules cannot be replayed; replay supports {string.Join(", ", kinds.Kinds.Where(k => k.Replayable).Select(k => k.Name))} rules only";
}
