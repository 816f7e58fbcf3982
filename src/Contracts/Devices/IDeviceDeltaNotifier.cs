namespace IotService.Contracts.Devices;

/// <summary>
/// Receives what changed on a device, for the live map's in-memory projection. The device grain calls it once per
/// processed batch of readings, status message or alarm step — never once per reading — and nothing else does. It
/// must return at once and never fail: the receiver coalesces per device and sends on its own schedule. The web host
/// implements it; a silo without one uses a null implementation.
/// </summary>
[Alias("IotService.Contracts.Devices.IDeviceDeltaNotifier")]
public interface IDeviceDeltaNotifier : IGrainObserver
{
    [Alias("Publish")]
    void Publish(DeviceDelta delta);
}
