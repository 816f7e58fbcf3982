using System.ComponentModel.DataAnnotations;

namespace IotService.Storage.History;

/// <summary>
/// The local write-ahead spool in front of every history store: a QoS 1 reading is durable once its append is
/// committed here, and the forwarder feeds the store from it in batches.
/// </summary>
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

    /// <summary>
    /// Longest the first append of a commit waits for others before the fsync: one fsync then carries every append
    /// that arrived meanwhile. A millisecond without a new append ends the wait sooner. It adds up to this much to
    /// each QoS 1 acknowledgement; zero commits at once.
    /// </summary>
    [Range(0, 100)]
    public double CommitWindowMilliseconds { get; set; } = 4;

    /// <summary>A commit holding this many bytes of records goes at once, window or not.</summary>
    [Range(4096, 1L << 30)]
    public long CommitMaxBytes { get; set; } = 1L << 20;

    /// <summary>Most points the forwarder writes to the store in one batch.</summary>
    [Range(100, 1_000_000)]
    public int ForwardBatchPoints { get; set; } = 600_000;

    /// <summary>
    /// How long the forwarder lets readings gather before it writes a batch smaller than <see cref="ForwardBatchPoints"/>:
    /// larger batches cost the store fewer page writes per reading. Readers do not wait for it (they ask the forwarder
    /// to catch up), so it bounds only how stale the store itself may be. Measured at 10,000 messages a second with
    /// 200 devices (SQLite, 1 KiB pages, 120 s runs): 5 s wrote 662 bytes to disk per message; 15 s with batches of
    /// up to 600,000 points 486–495 (docs/benchmarks.md). The price is memory for one batch and a longer replay after a
    /// crash, not freshness: readers ask for a catch-up.
    /// </summary>
    [Range(0, 60_000)]
    public int ForwardIntervalMilliseconds { get; set; } = 15_000;
}
