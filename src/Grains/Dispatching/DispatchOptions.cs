using System.ComponentModel.DataAnnotations;
using IotService.Dispatch.Costs;

namespace IotService.Grains.Dispatching;

/// <summary>Automatic dispatch: how often it runs, how long a technician has to accept, and the cost model (docs/dispatch.md).</summary>
public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>How often waiting orders are assigned (SPEC §8: within about a second of creation).</summary>
    [Range(0.05, 3600)]
    public double IntervalSeconds { get; set; } = 1;

    /// <summary>
    /// How often each silo pings the dispatch round grain, which brings it back (on any silo) after the silo holding it
    /// is gone: rounds resume within this much.
    /// </summary>
    [Range(0.1, 3600)]
    public double KeepAliveSeconds { get; set; } = 10;

    /// <summary>An assigned order not accepted within this goes back to dispatch, without that technician.</summary>
    [Range(1, 604_800)]
    public double AcceptTimeoutSeconds { get; set; } = 900;

    /// <summary>Time zone of technicians' shift hours (IANA id); empty = the hub's local zone.</summary>
    public string? TimeZone { get; set; }

    [Range(1, 1000)]
    public double SpeedKmh { get; set; } = 60;

    [Range(1, 10)]
    public double RoadFactor { get; set; } = 1.3;

    [Range(0, 1000)]
    public double LatenessPenaltyPerMinute { get; set; } = 2;

    [Range(0, 10_000)]
    public double PartsBonusMinutes { get; set; } = 30;

    public CostSettings Costs() => new()
    {
        SpeedKmh = SpeedKmh,
        RoadFactor = RoadFactor,
        LatenessPenaltyPerMinute = LatenessPenaltyPerMinute,
        PartsBonusMinutes = PartsBonusMinutes,
    };

    public DateTimeOffset LocalNow(TimeProvider time)
    {
        var zone = string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        return TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
    }
}
