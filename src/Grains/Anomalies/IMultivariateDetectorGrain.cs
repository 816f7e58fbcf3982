using Orleans.Concurrency;

namespace IotService.Grains.Anomalies;

/// <summary>
/// One per device model (keyed by model id): trains, versions and keeps the model's multivariate detector next to
/// the model. Silo-internal (the rules cache, the training sweep, the model API), so it sits beside its grain.
/// </summary>
[Alias("IotService.Grains.Anomalies.IMultivariateDetectorGrain")]
public interface IMultivariateDetectorGrain : IGrainWithStringKey
{
    /// <summary>The current detector, or null. Answers while a training runs.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<TrainedDetector?> GetAsync();

    [Alias("Describe"), AlwaysInterleave]
    Task<MultivariateDetectorInfo> DescribeAsync();

    /// <summary>Starts a training in the background if one is due; true if it started one. Returns at once.</summary>
    [Alias("TrainIfDue")]
    Task<bool> TrainIfDueAsync();

    /// <summary>Trains now (or joins the training under way) and answers the version it stored, null when history was too thin.</summary>
    [Alias("Train")]
    Task<int?> TrainAsync();
}
