using IotService.Rules.Anomalies.Detection;
using IotService.Rules.Anomalies.Multivariate;
using IotService.Rules.Kinds;

namespace IotService.Rules.Anomalies;

/// <summary>
/// <c>anomaly</c>: a property, or every property of the model (<c>all</c>, or no property), and an optional
/// <c>sensitivity</c> from 0 to 1 (default 0.5). Each watched property gets its own streaming
/// <see cref="SeriesDetector"/>; the rule raises when one of them scores at or above the sensitivity's threshold and
/// clears when that property's event is over. A rule on every property also runs the model's trained multivariate
/// detector once there is one (<see cref="CombinedAnomalyRule"/>).
/// </summary>
public sealed class AnomalyKind(DetectorSettings? settings = null) : IRuleKind
{
    public const string KindName = "anomaly";

    /// <summary>The sensitivity a rule gets when it names none.</summary>
    public const double DefaultSensitivity = 0.5;

    private readonly DetectorSettings _settings = settings ?? DetectorSettings.Default;

    public string Name => KindName;

    public bool Replayable => true;

    public RuleCompilation Compile(RuleSpec spec, RuleScope scope)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scope);
        var errors = new List<FieldError>();
        errors.Require(spec.Sensitivity is null or (>= 0 and <= 1), "sensitivity", "0 to 1");
        var everyProperty = spec.Property is null or RuleSpec.AllProperties;
        var properties = everyProperty ? scope.Properties.ToList() : [spec.Property!];
        errors.Require(properties.Count > 0, "property", "the model declares no property to watch");
        return RuleCompilation.From(errors, () =>
        {
            var perProperty = new AnomalyRule(spec.Id, properties, AnomalyThreshold.For(spec.Sensitivity ?? DefaultSensitivity, _settings), _settings, scope);
            return everyProperty ? new CombinedAnomalyRule(perProperty, MultivariateRule.For(spec, scope)) : perProperty;
        });
    }
}
