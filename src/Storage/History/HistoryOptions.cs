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

    /// <summary>Local write-ahead spool in front of a remote store (InfluxDB).</summary>
    public SpoolOptions Spool { get; set; } = new();
}
