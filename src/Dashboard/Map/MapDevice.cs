using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>
/// One device in the <see cref="DeviceProjection"/>: only what the map draws and routes by, so 100,000 of them stay
/// small (about 200 bytes each; model and customer ids are shared strings). Last values are not kept: deltas carry them
/// on to the clients that watch, and the device list reads them from the catalog. Changed only by the projection.
/// </summary>
public sealed class MapDevice(string id, string modelId)
{
    public string Id { get; } = id;

    public string ModelId { get; internal set; } = modelId;

    public string? CustomerId { get; internal set; }

    public bool HasLocation { get; internal set; }

    public double Lat { get; internal set; }

    public double Lon { get; internal set; }

    public DeviceStatus Status { get; internal set; }

    public Severity Severity { get; internal set; }

    public DateTimeOffset? LastSeen { get; internal set; }

    /// <summary>Deltas the device's grain sent since this hub started (one per batch, status change or alarm step).</summary>
    public long Sequence { get; internal set; }

    public DateTimeOffset UpdatedAt { get; internal set; }

    /// <summary>Its cell in the <see cref="DeviceGrid"/> (-1 when it has no position) and its place in that cell's list.</summary>
    internal int Cell { get; set; } = -1;

    internal int Slot { get; set; }

    public DeviceFacts Facts => new(CustomerId, HasLocation, Lat, Lon, Status, Severity);

    public ProjectedDevice ToView() => new(
        Id, ModelId, CustomerId, HasLocation ? new GeoPoint(Lat, Lon) : null, Status, Severity, LastSeen, Sequence, UpdatedAt);
}
