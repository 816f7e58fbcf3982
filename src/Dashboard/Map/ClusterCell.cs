using IotService.Contracts.Common;

namespace IotService.Dashboard.Map;

/// <summary>The devices of one grid cell, counted: how many, the sum of their positions (for the mean) and how many per severity.</summary>
public sealed class ClusterCell
{
    private readonly int[] _bySeverity = new int[(int)Severity.Critical + 1];
    private double _sumLat;
    private double _sumLon;

    public int Count { get; private set; }

    public Severity Worst
    {
        get
        {
            for (var s = _bySeverity.Length - 1; s > 0; s--)
            {
                if (_bySeverity[s] > 0)
                {
                    return (Severity)s;
                }
            }

            return Severity.None;
        }
    }

    public void Add(in DeviceFacts device, int sign)
    {
        Count += sign;
        _sumLat += sign * device.Lat;
        _sumLon += sign * device.Lon;
        _bySeverity[(int)device.Severity] += sign;
    }

    public SnapshotCluster ToCluster() => Count == 0
        ? new SnapshotCluster(0, 0, 0, Severity.None)
        : new SnapshotCluster(Math.Round(_sumLat / Count, 5), Math.Round(_sumLon / Count, 5), Count, Worst);
}
