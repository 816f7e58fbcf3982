using System.Text.Json;
using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Alarms;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Devices;

/// <summary>
/// A device as the API shows it, in lists and alone. <see cref="Severity"/> is the worst active alarm's;
/// <see cref="CustomerName"/> is filled in lists (from the catalog) and null on a single device.
/// </summary>
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
    IReadOnlyDictionary<string, DeviceValue> Values,
    IReadOnlyList<AlarmRecord>? ActiveAlarms = null,
    string? CustomerName = null)
{
    /// <param name="directory">Where the model's units come from; without it values carry no unit.</param>
    public static DeviceView From(DeviceSnapshot s, DeviceDirectory? directory = null) => new(
        s.Id, s.Name, s.ModelId, s.CustomerId, s.Status, s.HighestActiveSeverity, s.Location, s.LastSeen, s.RegisteredAt,
        WithUnits(s.Values, s.ModelId, directory), s.ActiveAlarms ?? []);

    public static DeviceView From(DeviceSummary s, DeviceDirectory directory) => new(
        s.Id, s.Name, s.ModelId, s.CustomerId, s.Status, s.Severity,
        s.Lat is { } lat && s.Lon is { } lon ? new GeoPoint(lat, lon) : null,
        s.LastSeen, s.RegisteredAt,
        WithUnits(JsonSerializer.Deserialize<Dictionary<string, PropertyValue>>(s.ValuesJson, CatalogJson.Options) ?? [], s.ModelId, directory),
        CustomerName: s.CustomerName);

    /// <summary>Only the properties the model lets customers see.</summary>
    public DeviceView ForCustomer(DeviceDirectory directory)
    {
        if (!directory.TryGetModel(ModelId, out var model))
        {
            return this with { Values = new Dictionary<string, DeviceValue>(), ActiveAlarms = [] };
        }

        var visible = model.CustomerProperties;
        var units = Units(model);
        return this with
        {
            Values = Values.Where(v => visible.Contains(v.Key))
                .ToDictionary(v => v.Key, v => v.Value with { Unit = units.GetValueOrDefault(v.Key) }, StringComparer.Ordinal),
            ActiveAlarms = ActiveAlarms?.Select(alarm => AlarmVisibility.ForCustomer(alarm, directory)).ToList(),
        };
    }

    private static Dictionary<string, DeviceValue> WithUnits(
        IReadOnlyDictionary<string, PropertyValue> values, string modelId, DeviceDirectory? directory)
    {
        var units = directory is not null && directory.TryGetModel(modelId, out var model) ? Units(model) : null;
        return values.ToDictionary(
            v => v.Key, v => new DeviceValue(v.Value.Value, v.Value.Timestamp, units?.GetValueOrDefault(v.Key)), StringComparer.Ordinal);
    }

    private static Dictionary<string, string?> Units(ModelEntry model) =>
        model.Definition.Properties.ToDictionary(p => p.Name, p => p.Unit, StringComparer.Ordinal);
}
