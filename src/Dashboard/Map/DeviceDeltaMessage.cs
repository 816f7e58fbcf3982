using System.Text.Json.Serialization;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>
/// One device in a <c>deviceDeltas</c> message: <c>id</c>, <c>modelId</c>, <c>customerId</c> and the fields that changed
/// in the window (<c>lat</c>, <c>lon</c>, <c>status</c>, <c>severity</c>, <c>lastSeen</c>, <c>values</c>); unchanged
/// fields are left out. A device that has just come into the viewport carries every map field. <c>complete</c> is true
/// when every field and every last value is there (the device's first delta since its grain started): a client may then
/// replace what it holds. <c>removed: true</c> says the device left the viewport or stopped matching its filters (a
/// removed entry is just <c>{id, removed}</c> unless the device is watched). <c>watched: true</c> says the device is not
/// on the client's map and the entry came because the client watches it (<c>WatchDevices</c>).
/// </summary>
public sealed record DeviceDeltaMessage(
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ModelId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CustomerId)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Removed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Watched { get; init; }

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

    /// <summary>What the delta changed, with <paramref name="values"/> (the delta's own, or the share a customer may see).</summary>
    public static DeviceDeltaMessage From(DeviceDelta delta, IReadOnlyDictionary<string, PropertyValue>? values = null) =>
        new(delta.DeviceId, delta.ModelId, delta.CustomerId)
        {
            Complete = delta.Complete,
            Lat = delta.Location?.Lat,
            Lon = delta.Location?.Lon,
            Status = delta.Status,
            Severity = delta.HighestActiveSeverity,
            LastSeen = delta.LastSeen,
            Values = NullIfEmpty(values ?? delta.Values),
        };

    /// <summary>A device that came into view: every map field as the projection now has it, and the window's values.</summary>
    public static DeviceDeltaMessage Entered(MapDevice device, DeviceDelta delta, IReadOnlyDictionary<string, PropertyValue>? values = null) =>
        new(device.Id, device.ModelId, device.CustomerId)
        {
            Complete = delta.Complete,
            Lat = device.Lat,
            Lon = device.Lon,
            Status = device.Status,
            Severity = device.Severity,
            LastSeen = device.LastSeen,
            Values = NullIfEmpty(values ?? delta.Values),
        };

    /// <summary>
    /// A device a client has just started to watch, as the projection has it now (map fields, no values: the projection
    /// keeps none). Its list row may come from the catalog, which the grain writes a few seconds late; this brings the row
    /// up to date, and every change after it comes as a delta.
    /// </summary>
    public static DeviceDeltaMessage Current(MapDevice device) =>
        new(device.Id, device.ModelId, device.CustomerId)
        {
            Watched = true,
            Lat = device.HasLocation ? device.Lat : null,
            Lon = device.HasLocation ? device.Lon : null,
            Status = device.Status,
            Severity = device.Severity,
            LastSeen = device.LastSeen,
        };

    public static DeviceDeltaMessage Gone(string id) => new(id, null, null) { Removed = true };

    /// <summary>
    /// Two entries for one client that it has not been sent yet, as one: the newer value of each field, values merged by
    /// property. Removal sticks unless the newer entry brought the device back in full.
    /// </summary>
    public static DeviceDeltaMessage Merge(DeviceDeltaMessage older, DeviceDeltaMessage newer, bool newerEntered)
    {
        if (newer.Removed && newer.ModelId is null)
        {
            // A bare removal: nothing the client missed about the device matters any more.
            return newer;
        }

        return newer with
        {
            Removed = newer.Removed || (older.Removed && !newerEntered),
            Complete = newer.Complete || older.Complete,
            Lat = newer.Lat ?? older.Lat,
            Lon = newer.Lon ?? older.Lon,
            Status = newer.Status ?? older.Status,
            Severity = newer.Severity ?? older.Severity,
            LastSeen = newer.LastSeen ?? older.LastSeen,
            Values = MergeValues(older.Values, newer.Values),
        };
    }

    private static IReadOnlyDictionary<string, PropertyValue>? NullIfEmpty(IReadOnlyDictionary<string, PropertyValue> values)
        => values.Count > 0 ? values : null;

    private static IReadOnlyDictionary<string, PropertyValue>? MergeValues(
        IReadOnlyDictionary<string, PropertyValue>? older, IReadOnlyDictionary<string, PropertyValue>? newer)
    {
        if (older is null || newer is null)
        {
            return newer ?? older;
        }

        var merged = new Dictionary<string, PropertyValue>(older, StringComparer.Ordinal);
        foreach (var (property, value) in newer)
        {
            merged[property] = value;
        }

        return merged;
    }
}
