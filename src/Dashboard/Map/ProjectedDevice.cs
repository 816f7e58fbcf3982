using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>
/// A copy of one device as the live map knows it (<see cref="LiveMap.Find"/>). <paramref name="Sequence"/> counts the
/// deltas the device's grain sent since this hub started (0 for a device known only from the catalog).
/// </summary>
public sealed record ProjectedDevice(
    string Id,
    string ModelId,
    string? CustomerId,
    GeoPoint? Location,
    DeviceStatus Status,
    Severity HighestActiveSeverity,
    DateTimeOffset? LastSeen,
    long Sequence,
    DateTimeOffset UpdatedAt);
