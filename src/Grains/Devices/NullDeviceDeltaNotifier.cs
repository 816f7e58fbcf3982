using IotService.Contracts.Devices;

namespace IotService.Grains.Devices;

/// <summary>The delta receiver when the host registers none (grain tests, tools): no projection is kept.</summary>
public sealed class NullDeviceDeltaNotifier : IDeviceDeltaNotifier
{
    public void Publish(DeviceDelta delta)
    {
    }
}
