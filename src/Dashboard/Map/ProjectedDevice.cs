using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>
/// One device as the live map knows it, from its grain's deltas. <paramref name="Sequence"/> counts the deltas the grain
/// sent since this hub started (one per batch of readings, status change or alarm step), so a viewport can tell what
/// changed since it last looked. <paramref name="Values"/> holds every property, including technician-only ones:
/// whatever sends them to customers must filter by the model's visibility.
/// </summary>
public sealed record ProjectedDevice(
    string Id,
    string ModelId,
    string? CustomerId,
    GeoPoint? Location,
    DeviceStatus Status,
    Severity HighestActiveSeverity,
    DateTimeOffset? LastSeen,
    IReadOnlyDictionary<string, PropertyValue> Values,
    long Sequence,
    DateTimeOffset UpdatedAt);
