using System.Text.Json.Serialization;

namespace IotService.Dashboard.Devices;

/// <summary>
/// <c>{"items":[…],"nextCursor":"…"|null,"total":12345}</c>: a page of the device list; <see cref="Total"/> counts every
/// device that matches the filters and is present only when the client asked with <c>?count=true</c>.
/// </summary>
public sealed record DeviceListResponse(
    IReadOnlyList<DeviceView> Items,
    string? NextCursor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Total = null);
