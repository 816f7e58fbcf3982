using System.Text.Json;
using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;

namespace IotService.Grains.Devices;

/// <summary>Turns device state into the API snapshot and the catalog row.</summary>
internal static class DeviceSummaries
{
    public static DeviceSnapshot ToSnapshot(string id, DeviceState s) => new(
        id, s.Name, s.ModelId, s.CustomerId, s.Status, s.LastSeen, s.Location,
        new Dictionary<string, PropertyValue>(s.Values, StringComparer.Ordinal), s.RegisteredAt, s.HighestActiveSeverity,
        s.OpenAlarms.Values.OrderBy(alarm => alarm.RaisedAt).ToList());

    public static DeviceSummary ToSummary(string id, DeviceState s, DateTimeOffset now, DateTimeOffset? due) => new(
        id, s.Name, s.ModelId, s.CustomerId, s.Status, s.HighestActiveSeverity,
        s.Location?.Lat, s.Location?.Lon, s.LastSeen, s.RegisteredAt,
        JsonSerializer.Serialize(s.Values, CatalogJson.Options),
        s.SecretHash, s.ActivationCode, now, due);
}
