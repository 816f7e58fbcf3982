using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Map;

/// <summary>How device deltas are coalesced between the device grains and the live map, and how much a viewport is sent.</summary>
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

    /// <summary>
    /// Most devices a viewport snapshot lists one by one. With more in view the snapshot clusters them (a grid that
    /// follows the zoom) and lists only the major and critical ones, at most this many.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSnapshotDevices { get; set; } = 2000;

    /// <summary>In cluster mode, how often at most a viewport is sent its clusters again (<c>viewportClusters</c>) when a cluster's count or worst severity changed.</summary>
    [Range(100, 60_000)]
    public int ClusterRefreshMilliseconds { get; set; } = 1000;
}
