using System.ComponentModel.DataAnnotations;

namespace IotService.Grains.Replay;

/// <summary>Bounds on the work one rule replay may do.</summary>
public sealed class RuleReplayOptions
{
    public const string SectionName = "RuleReplay";

    /// <summary>Most stored readings one replay reads; a replay that would read more is refused (422) rather than answered with inexact counts.</summary>
    [Range(1, 1_000_000_000)]
    public int MaxReadings { get; set; } = 5_000_000;

    /// <summary>Readings asked of the history store per query; the replay pages through a device's series in chunks of this size.</summary>
    [Range(1, 100_000)]
    public int ChunkSize { get; set; } = 10_000;
}
