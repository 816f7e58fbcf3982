using IotService.Contracts.Replay;
using IotService.Rules.Replay;

namespace IotService.Grains.Replay;

/// <summary>Adds up per-device replays: exact counts, and the earliest <c>maxListed</c> firings over all devices.</summary>
internal sealed class ReplayTally(int maxListed)
{
    private readonly List<ReplayFiring> _listed = [];
    private readonly List<DeviceFirings> _perDevice = [];

    public int Devices { get; private set; }

    public int Readings { get; private set; }

    public int Firings { get; private set; }

    public void Add(string deviceId, ReplayResult result)
    {
        Devices++;
        Readings += result.ReadingCount;
        Firings += result.FiringCount;
        if (result.FiringCount == 0)
        {
            return;
        }

        _perDevice.Add(new DeviceFirings(deviceId, result.FiringCount));
        _listed.AddRange(result.Firings.Select(f => new ReplayFiring(f.DeviceId, f.RaisedAt, f.ClearedAt, f.PeakValue, f.Why)));

        // Each device's run already kept only its first maxListed; trimming here keeps memory at twice that.
        if (_listed.Count > maxListed)
        {
            SortListed();
            _listed.RemoveRange(maxListed, _listed.Count - maxListed);
        }
    }

    public IReadOnlyList<ReplayFiring> Listed()
    {
        SortListed();
        return _listed;
    }

    public IReadOnlyList<DeviceFirings> PerDevice()
        => [.. _perDevice.OrderByDescending(d => d.Firings).ThenBy(d => d.DeviceId, StringComparer.Ordinal)];

    private void SortListed() => _listed.Sort(static (a, b) =>
    {
        var byTime = a.RaisedAt.CompareTo(b.RaisedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.DeviceId, b.DeviceId);
    });
}
