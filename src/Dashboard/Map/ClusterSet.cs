namespace IotService.Dashboard.Map;

/// <summary>
/// The clustered devices of one viewport, counted per <see cref="ClusterGrid"/> cell and kept current device by device,
/// so a change costs O(1) and the clusters are never recounted from the whole view. Add, remove and move answer whether
/// a cluster's count or worst severity changed, which is what makes the viewport's snapshot worth sending again.
/// </summary>
public sealed class ClusterSet(ClusterGrid grid)
{
    private readonly Dictionary<long, ClusterCell> _cells = [];

    public ClusterGrid Grid { get; } = grid;

    /// <summary>Devices counted in all clusters.</summary>
    public int DeviceCount { get; private set; }

    public int ClusterCount => _cells.Count;

    public void Add(in DeviceFacts device)
    {
        var key = Grid.CellOf(device.Lat, device.Lon);
        if (!_cells.TryGetValue(key, out var cell))
        {
            _cells[key] = cell = new ClusterCell();
        }

        cell.Add(device, 1);
        DeviceCount++;
    }

    public void Remove(in DeviceFacts device)
    {
        var key = Grid.CellOf(device.Lat, device.Lon);
        if (!_cells.TryGetValue(key, out var cell))
        {
            return;
        }

        cell.Add(device, -1);
        DeviceCount--;
        if (cell.Count == 0)
        {
            _cells.Remove(key);
        }
    }

    /// <returns>Whether a cluster's count or worst severity changed (a move within a cell may change neither).</returns>
    public bool Move(in DeviceFacts before, in DeviceFacts after)
    {
        var from = Grid.CellOf(before.Lat, before.Lon);
        var to = Grid.CellOf(after.Lat, after.Lon);
        if (from != to || !_cells.TryGetValue(from, out var cell))
        {
            Remove(before);
            Add(after);
            return true;
        }

        var worst = cell.Worst;
        cell.Add(before, -1);
        cell.Add(after, 1);
        return cell.Worst != worst;
    }

    public List<SnapshotCluster> ToClusters()
    {
        var clusters = new List<SnapshotCluster>(_cells.Count);
        foreach (var cell in _cells.Values)
        {
            clusters.Add(cell.ToCluster());
        }

        return clusters;
    }
}
