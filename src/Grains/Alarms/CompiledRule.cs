using IotService.Contracts.Common;
using IotService.Contracts.Models;
using IotService.Grains.Models;
using IotService.Rules.Thresholds;

namespace IotService.Grains.Alarms;

/// <summary>
/// A model rule ready for evaluation: the definition, its fingerprint and, for threshold rules, the pure
/// <see cref="ThresholdRule"/> the evaluator runs. Kinds evaluated elsewhere (anomaly, forecast) carry only the definition.
/// </summary>
public sealed record CompiledRule(RuleDefinition Definition, string Fingerprint, ThresholdRule? Threshold)
{
    public string Id => Definition.Id;

    public Severity Severity => Definition.Severity;

    public bool IsNoData => Definition.Kind == RuleKinds.NoData;

    public TimeSpan NoDataPeriod => TimeSpan.FromSeconds(Definition.Seconds ?? 0);

    public static CompiledRule From(RuleDefinition definition) => new(
        definition,
        RuleFingerprint.Of(definition),
        definition.Kind == RuleKinds.Threshold ? ThresholdRules.FromDefinition(definition) : null);
}
