using IotService.Contracts.Common;

namespace IotService.Contracts.Devices;

/// <summary>What a device grain is created with. The secret itself never reaches the grain, only its salted hash.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceRegistration(
    [property: Id(0)] string Id,
    [property: Id(1)] string ModelId,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] GeoPoint? Location,
    [property: Id(4)] string SecretHash,
    [property: Id(5)] string ActivationCode,
    [property: Id(6)] DateTimeOffset RegisteredAt,
    [property: Id(7)] string? Name = null);
