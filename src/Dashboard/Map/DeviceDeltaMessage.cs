using System.Text.Json.Serialization;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>
/// One device in a <c>deviceDeltas</c> message: <c>id</c>, <c>modelId</c>, <c>customerId</c> and the fields that changed
/// in the window (<c>lat</c>, <c>lon</c>, <c>status</c>, <c>severity</c>, <c>lastSeen</c>, <c>values</c>); unchanged
/// fields are left out. <c>complete</c> is true when every field is there (the device's first delta since its grain
/// started): a client may then replace what it holds.
/// </summary>
public sealed record DeviceDeltaMessage(string Id, string ModelId, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CustomerId)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Complete { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Lat { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Lon { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DeviceStatus? Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Severity? Severity { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? LastSeen { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, PropertyValue>? Values { get; init; }

    public static DeviceDeltaMessage From(DeviceDelta delta) => new(delta.DeviceId, delta.ModelId, delta.CustomerId)
    {
        Complete = delta.Complete,
        Lat = delta.Location?.Lat,
        Lon = delta.Location?.Lon,
        Status = delta.Status,
        Severity = delta.HighestActiveSeverity,
        LastSeen = delta.LastSeen,
        Values = delta.Values.Count > 0 ? delta.Values : null,
    };
}
