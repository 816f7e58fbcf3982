using System.Collections.Concurrent;

namespace IotService.Dashboard.Map;

/// <summary>
/// The live map's in-memory picture of every device this hub has heard of since it started: id → latest position,
/// status, worst active severity and values, fed by the device grains' coalesced deltas. Written by
/// <see cref="DeviceDeltaService"/> only; read by anyone (viewports, tests). Devices whose grain has not been active
/// since the start are not in it yet.
/// </summary>
public sealed class DeviceProjection
{
    private readonly ConcurrentDictionary<string, ProjectedDevice> _devices = new(StringComparer.Ordinal);

    public int Count => _devices.Count;

    public IEnumerable<ProjectedDevice> Devices => _devices.Values;

    public ProjectedDevice? Find(string deviceId) => _devices.TryGetValue(deviceId, out var view) ? view : null;

    public ProjectedDevice Apply(CoalescedDelta coalesced)
    {
        var id = coalesced.Delta.DeviceId;
        var view = DeviceDeltas.Apply(Find(id), coalesced);
        _devices[id] = view;
        return view;
    }
}
