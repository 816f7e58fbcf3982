namespace IotService.Dashboard.Map;

/// <summary>
/// A uniform grid of one-degree cells over the devices that have a position, so that a viewport looks at the cells it
/// covers instead of every device. Each cell is a list; a device knows its slot, so moving one costs O(1). Not
/// thread-safe: <see cref="LiveMap"/> serialises access.
/// </summary>
public sealed class DeviceGrid
{
    private const int LonCells = 360;
    private const int LatCells = 180;

    private readonly Dictionary<int, List<MapDevice>> _cells = [];

    public int CellCount => _cells.Count;

    public static int CellOf(double lat, double lon) => (LatIndex(lat) * LonCells) + LonIndex(lon);

    public void Add(MapDevice device)
    {
        var cell = CellOf(device.Lat, device.Lon);
        if (!_cells.TryGetValue(cell, out var devices))
        {
            _cells[cell] = devices = [];
        }

        device.Cell = cell;
        device.Slot = devices.Count;
        devices.Add(device);
    }

    public void Remove(MapDevice device)
    {
        if (device.Cell < 0 || !_cells.TryGetValue(device.Cell, out var devices))
        {
            return;
        }

        // Swap with the last so nothing shifts.
        var last = devices[^1];
        devices[device.Slot] = last;
        last.Slot = device.Slot;
        devices.RemoveAt(devices.Count - 1);
        if (devices.Count == 0)
        {
            _cells.Remove(device.Cell);
        }

        device.Cell = -1;
    }

    /// <summary>Calls <paramref name="visit"/> for every device inside <paramref name="bounds"/>.</summary>
    public void Visit(GeoBounds bounds, Action<MapDevice> visit)
    {
        var south = LatIndex(bounds.South);
        var north = LatIndex(bounds.North);
        var spans = bounds.LonSpans;
        long covered = 0;
        foreach (var (west, east) in spans)
        {
            covered += (long)(north - south + 1) * (LonIndex(east) - LonIndex(west) + 1);
        }

        // A wide view covers more cells than are occupied: then walk the occupied ones.
        if (covered > _cells.Count)
        {
            foreach (var devices in _cells.Values)
            {
                VisitCell(devices, bounds, visit);
            }

            return;
        }

        foreach (var (west, east) in spans)
        {
            for (var lat = south; lat <= north; lat++)
            {
                for (var lon = LonIndex(west); lon <= LonIndex(east); lon++)
                {
                    if (_cells.TryGetValue((lat * LonCells) + lon, out var devices))
                    {
                        VisitCell(devices, bounds, visit);
                    }
                }
            }
        }
    }

    private static void VisitCell(List<MapDevice> devices, GeoBounds bounds, Action<MapDevice> visit)
    {
        foreach (var device in devices)
        {
            if (bounds.Contains(device.Lat, device.Lon))
            {
                visit(device);
            }
        }
    }

    private static int LatIndex(double lat) => Math.Clamp((int)Math.Floor(lat + 90), 0, LatCells - 1);

    private static int LonIndex(double lon) => Math.Clamp((int)Math.Floor(lon + 180), 0, LonCells - 1);
}
