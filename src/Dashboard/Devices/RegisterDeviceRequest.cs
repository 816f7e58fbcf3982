using IotService.Contracts.Common;

namespace IotService.Dashboard.Devices;

/// <summary>Body of <c>POST /api/devices</c>; a missing id is generated.</summary>
public sealed record RegisterDeviceRequest(string? Id, string ModelId, string? CustomerId = null, GeoPoint? Location = null, string? Name = null);
