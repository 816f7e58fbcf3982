using IotService.Contracts.Devices;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Map;

/// <summary>
/// The live map's in-memory picture of every registered device: id → <see cref="MapDevice"/>, plus a
/// <see cref="DeviceGrid"/> over their positions. Filled from the device catalog at start (<see cref="MapLoader"/>),
/// then kept current by the device grains' coalesced deltas, which also bring devices registered since. Not
/// thread-safe: <see cref="LiveMap"/> owns it and serialises access.
/// </summary>
public sealed class DeviceProjection
{
    private readonly Dictionary<string, MapDevice> _devices = new(StringComparer.Ordinal);
    private readonly DeviceGrid _grid = new();

    // Model and customer ids repeat across thousands of devices: keep one string of each.
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public int Count => _devices.Count;

    public IEnumerable<MapDevice> Devices => _devices.Values;

    public MapDevice? Find(string id) => _devices.GetValueOrDefault(id);

    /// <summary>Adds a device read from the catalog; one already known (from a delta) is left as it is.</summary>
    public bool Load(DeviceSummary summary)
    {
        if (_devices.ContainsKey(summary.Id))
        {
            return false;
        }

        var device = new MapDevice(summary.Id, Shared(summary.ModelId))
        {
            CustomerId = SharedOrNull(summary.CustomerId),
            Status = summary.Status,
            Severity = summary.Severity,
            LastSeen = summary.LastSeen,
            UpdatedAt = summary.UpdatedAt,
        };
        _devices[summary.Id] = device;
        if (summary.Lat is { } lat && summary.Lon is { } lon)
        {
            Place(device, lat, lon);
        }

        return true;
    }

    /// <summary>Applies a window's coalesced delta: a complete one replaces what was known, a partial one updates it.</summary>
    public DeviceChange Apply(CoalescedDelta coalesced)
    {
        var delta = coalesced.Delta;
        DeviceFacts? before = null;
        if (_devices.TryGetValue(delta.DeviceId, out var device))
        {
            before = device.Facts;
        }
        else
        {
            _devices[delta.DeviceId] = device = new MapDevice(delta.DeviceId, Shared(delta.ModelId));
        }

        device.ModelId = Shared(delta.ModelId);
        device.CustomerId = SharedOrNull(delta.CustomerId);
        if (delta.Location is { } location)
        {
            Place(device, location.Lat, location.Lon);
        }
        else if (delta.Complete && device.HasLocation)
        {
            _grid.Remove(device);
            device.HasLocation = false;
        }

        device.Status = delta.Status ?? (delta.Complete ? DeviceStatus.Unknown : device.Status);
        device.Severity = delta.HighestActiveSeverity ?? (delta.Complete ? default : device.Severity);
        device.LastSeen = delta.LastSeen ?? (delta.Complete ? null : device.LastSeen);
        device.Sequence += coalesced.Count;
        device.UpdatedAt = delta.At;
        return new DeviceChange(device, before, coalesced);
    }

    public void Visit(GeoBounds bounds, Action<MapDevice> visit) => _grid.Visit(bounds, visit);

    private void Place(MapDevice device, double lat, double lon)
    {
        if (device.HasLocation && device.Lat == lat && device.Lon == lon)
        {
            return;
        }

        var cell = DeviceGrid.CellOf(lat, lon);
        var moveCell = !device.HasLocation || cell != device.Cell;
        if (moveCell)
        {
            _grid.Remove(device);
        }

        device.Lat = lat;
        device.Lon = lon;
        device.HasLocation = true;
        if (moveCell)
        {
            _grid.Add(device);
        }
    }

    private string Shared(string name)
    {
        if (_names.TryGetValue(name, out var shared))
        {
            return shared;
        }

        _names[name] = name;
        return name;
    }

    private string? SharedOrNull(string? name) => name is null ? null : Shared(name);
}
