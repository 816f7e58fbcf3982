using System.ComponentModel.DataAnnotations;

namespace IotService.Grains.Anomalies;

/// <summary>When and on what the per-model multivariate detectors are trained (<c>Anomaly:Multivariate</c>).</summary>
public sealed class MultivariateOptions
{
    public const string SectionName = "Anomaly:Multivariate";

    /// <summary>A model's detector is retrained this long after its last training.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RetrainEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A model without a detector (too little history so far, or training failed) is tried again this long after.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan RetryEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far back the history a detector learns from reaches.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan History { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most devices of a model whose history is read for one training.</summary>
    [Range(1, 100_000)]
    public int MaxDevices { get; set; } = 1000;

    /// <summary>Fewest aligned rows a detector is trained on; with fewer, the model waits for more history.</summary>
    [Range(10, 100_000_000)]
    public int MinRows { get; set; } = 500;

    /// <summary>
    /// Shortest stretch of history a detector is trained on: a fleet's first minutes give plenty of rows but show one
    /// hour of one day, and a relation learned there flags the afternoon as broken.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan MinSpan { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Readings asked of the history store per query.</summary>
    [Range(1, 100_000)]
    public int ChunkSize { get; set; } = 10_000;

    /// <summary>How often the hub looks for models whose detector is due (first look one interval after start).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a silo uses a model's detector before asking whether a newer one was trained elsewhere.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(30);
}
