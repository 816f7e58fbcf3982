namespace IotService.Grains.Anomalies;

/// <summary>A model's trained multivariate detectors: the current one and the one it replaced, each as stored bytes.</summary>
[GenerateSerializer]
public sealed class MultivariateDetectorState
{
    /// <summary>The last version number handed out; versions only grow, also past a detector that failed to read.</summary>
    [Id(0)] public int LastVersion { get; set; }

    [Id(1)] public TrainedDetector? Current { get; set; }

    /// <summary>Kept so an operator can see (and a later change can roll back to) what the current one replaced.</summary>
    [Id(2)] public TrainedDetector? Previous { get; set; }

    [Id(3)] public DateTimeOffset? LastAttemptAt { get; set; }

    [Id(4)] public string? LastOutcome { get; set; }
}
