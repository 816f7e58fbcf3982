using IotService.Contracts.Models;
using IotService.Rules.Anomalies.Multivariate;

namespace IotService.Grains.Anomalies;

/// <summary>Which models want a multivariate detector, and when theirs is due for training.</summary>
public static class MultivariateSchedule
{
    /// <summary>The spelling of "every property" besides leaving the property out.</summary>
    public const string AllProperties = "all";

    /// <summary>Whether <paramref name="rule"/> is an anomaly rule on every property: the rule a detector serves.</summary>
    public static bool ReadsDetector(RuleDefinition rule)
        => rule is { Enabled: true, Kind: RuleKinds.Anomaly } && (rule.Property is null || rule.Property == AllProperties);

    public static bool WantsDetector(DeviceModelDefinition? model) => model?.Rules?.Any(ReadsDetector) == true;

    /// <summary>
    /// Due when the model wants a detector and has none that fits its properties (retried every
    /// <see cref="MultivariateOptions.RetryEvery"/> until history suffices), or its detector is
    /// <see cref="MultivariateOptions.RetrainEvery"/> old.
    /// </summary>
    public static bool IsDue(DeviceModelDefinition? model, MultivariateModel? current, DateTimeOffset? lastAttempt, MultivariateOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!WantsDetector(model))
        {
            return false;
        }

        var fits = current is not null && current.Properties.All(p => model!.Properties.Any(d => d.Name == p));
        var wait = fits ? options.RetrainEvery : options.RetryEvery;
        var since = fits ? Later(current!.Provenance.TrainedAt, lastAttempt) : lastAttempt;
        return since is not { } at || now - at >= wait;
    }

    private static DateTimeOffset? Later(DateTimeOffset a, DateTimeOffset? b) => b is { } t && t > a ? t : a;
}
