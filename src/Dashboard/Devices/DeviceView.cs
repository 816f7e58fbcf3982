using System.Text.Json;
using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Alarms;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Devices;

/// <summary>A device as the API shows it, in lists and alone.</summary>
public sealed record DeviceView(
    string Id,
    string? Name,
    string ModelId,
    string? CustomerId,
    DeviceStatus Status,
    Severity Severity,
    GeoPoint? Location,
    DateTimeOffset? LastSeen,
    DateTimeOffset RegisteredAt,
    IReadOnlyDictionary<string, PropertyValue> Values,
    IReadOnlyList<AlarmRecord>? ActiveAlarms = null)
{
    public static DeviceView From(DeviceSnapshot s) => new(
        s.Id, s.Name, s.ModelId, s.CustomerId, s.Status, s.HighestActiveSeverity, s.Location, s.LastSeen, s.RegisteredAt, s.Values,
        s.ActiveAlarms ?? []);

    public static DeviceView From(DeviceSummary s) => new(
        s.Id, s.Name, s.ModelId, s.CustomerId, s.Status, s.Severity,
        s.Lat is { } lat && s.Lon is { } lon ? new GeoPoint(lat, lon) : null,
        s.LastSeen, s.RegisteredAt,
        JsonSerializer.Deserialize<Dictionary<string, PropertyValue>>(s.ValuesJson, CatalogJson.Options) ?? []);

    /// <summary>Only the properties the model lets customers see.</summary>
    public DeviceView ForCustomer(DeviceDirectory directory)
    {
        if (!directory.TryGetModel(ModelId, out var model))
        {
            return this with { Values = new Dictionary<string, PropertyValue>(), ActiveAlarms = [] };
        }

        var visible = model.CustomerProperties;
        return this with
        {
            Values = Values.Where(v => visible.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            ActiveAlarms = ActiveAlarms?.Select(alarm => AlarmVisibility.ForCustomer(alarm, directory)).ToList(),
        };
    }
}
