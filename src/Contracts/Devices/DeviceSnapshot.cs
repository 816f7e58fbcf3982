using IotService.Contracts.Common;

namespace IotService.Contracts.Devices;

/// <summary>The current state of one device as the API shows it.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] string ModelId,
    [property: Id(3)] string? CustomerId,
    [property: Id(4)] DeviceStatus Status,
    [property: Id(5)] DateTimeOffset? LastSeen,
    [property: Id(6)] GeoPoint? Location,
    [property: Id(7)] IReadOnlyDictionary<string, PropertyValue> Values,
    [property: Id(8)] DateTimeOffset RegisteredAt,
    [property: Id(9)] Severity HighestActiveSeverity,
    [property: Id(10)] IReadOnlyList<Alarms.AlarmRecord>? ActiveAlarms = null);
