using System.ComponentModel.DataAnnotations;

namespace IotService.Storage.History;

/// <summary>The local write-ahead spool: readings are durable here before the remote store has them.</summary>
public sealed class SpoolOptions
{
    /// <summary>Folder of the spool's segment files; default <c>{Storage:Path}/spool</c>.</summary>
    public string? Path { get; set; }

    /// <summary>Disk the spool may use. When full, QoS 1 readings wait (back-pressure) and QoS 0 readings are dropped and counted.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Size of one segment file; consumed segments are deleted whole.</summary>
    [Range(64 * 1024, 1L << 30)]
    public long SegmentBytes { get; set; } = 16L << 20;
}
