using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Map;

/// <summary>How device deltas are coalesced between the device grains and the live map.</summary>
public sealed class MapOptions
{
    public const string SectionName = "Map";

    /// <summary>
    /// Deltas of one device within this window become one (the newest value of each field); the projection is updated and
    /// clients are sent at most once a window, so 250 ms means at most 4 messages a second per connection (SPEC §5).
    /// </summary>
    [Range(10, 10_000)]
    public int DeltaWindowMilliseconds { get; set; } = 250;

    /// <summary>Devices with a delta waiting for the next window; a device beyond this is dropped (counted) until the window passes.</summary>
    [Range(1, 10_000_000)]
    public int PendingCapacity { get; set; } = 200_000;
}
