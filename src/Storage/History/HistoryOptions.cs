using System.ComponentModel.DataAnnotations;

namespace IotService.Storage.History;

/// <summary>Where telemetry history goes and how long it is kept (SPEC §3).</summary>
public sealed class HistoryOptions
{
    public const string SectionName = "History";

    /// <summary><c>sqlite</c> (default, a file under <c>Storage:Path</c>) or <c>influx</c>.</summary>
    [Required, RegularExpression("^(sqlite|influx)$")]
    public string Store { get; set; } = "sqlite";

    public InfluxOptions Influx { get; set; } = new();

    /// <summary>Raw readings older than this are deleted.</summary>
    [Range(0.01, 36_500)]
    public double RawRetentionDays { get; set; } = 30;

    /// <summary>Hourly mean/min/max/count rollups are kept this long.</summary>
    [Range(0.01, 36_500)]
    public double DownsampledRetentionDays { get; set; } = 730;

    /// <summary>The local write-ahead spool in front of the store: where readings become durable.</summary>
    public SpoolOptions Spool { get; set; } = new();

    /// <summary>
    /// Longest a history query waits for the forwarder to bring the store up to every reading acknowledged before the
    /// query; after that (the store is down, say) it answers with what the store has.
    /// </summary>
    [Range(0, 60)]
    public double ReadCatchUpSeconds { get; set; } = 2;
}
