using System.ComponentModel.DataAnnotations;

namespace IotService.Storage;

/// <summary>Where grain state and summaries live (SPEC §3).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    [Required]
    public string Provider { get; set; } = "sqlite";

    /// <summary>Folder for SQLite files and the spool.</summary>
    [Required]
    public string Path { get; set; } = "./data";

    /// <summary>Longest time a device's changed values wait before its state is written.</summary>
    [Range(0.05, 3600)]
    public double StateFlushSeconds { get; set; } = 5;

    /// <summary>The SQLite file holding grain state and summary rows.</summary>
    public string StateDatabaseFile => System.IO.Path.Combine(Path, "state.db");
}
