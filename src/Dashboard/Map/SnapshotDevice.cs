using System.Text.Json.Serialization;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>A device drawn on its own in a <see cref="ViewportSnapshot"/>.</summary>
public sealed record SnapshotDevice(
    string Id,
    double Lat,
    double Lon,
    DeviceStatus Status,
    Severity Severity,
    string ModelId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CustomerId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? LastSeen)
{
    public static SnapshotDevice From(MapDevice d) => new(d.Id, d.Lat, d.Lon, d.Status, d.Severity, d.ModelId, d.CustomerId, d.LastSeen);
}
