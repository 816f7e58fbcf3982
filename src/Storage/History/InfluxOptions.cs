using System.ComponentModel.DataAnnotations;

namespace IotService.Storage.History;

/// <summary>InfluxDB over its 1.x HTTP API (also the v1-compatible endpoints of 2.x/3.x).</summary>
public sealed class InfluxOptions
{
    [Required]
    public string Url { get; set; } = "http://127.0.0.1:8086";

    [Required]
    public string Database { get; set; } = "iot";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Most lines in one <c>/write</c> request.</summary>
    [Range(1, 5_000)]
    public int BatchSize { get; set; } = 5_000;

    [Range(0.1, 600)]
    public double TimeoutSeconds { get; set; } = 10;
}
