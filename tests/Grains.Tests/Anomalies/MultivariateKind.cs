using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;
using IotService.Rules.Planned;

namespace IotService.Grains.Tests.Anomalies;

/// <summary>
/// The anomaly kind as far as these tests need it: on every property, the model's multivariate detector, dormant
/// until one is trained (the real kind composes the same <see cref="MultivariateRule.For"/>).
/// </summary>
internal sealed class MultivariateKind : IRuleKind
{
    public static readonly RuleKindRegistry Kinds = RuleKindRegistry.Standard.With(new MultivariateKind());

    public string Name => "anomaly";

    public bool Replayable => false;

    public RuleCompilation Compile(RuleSpec spec, RuleScope scope)
        => RuleCompilation.Of(spec.Property is null ? MultivariateRule.For(spec, scope) ?? new DormantRule(spec.Id, Name) : new DormantRule(spec.Id, Name));
}
