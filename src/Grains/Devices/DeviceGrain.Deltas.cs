namespace IotService.Grains.Devices;

/// <summary>The device grain's feed of the live map: one delta of what changed per batch, status change or alarm step.</summary>
public sealed partial class DeviceGrain
{
    private readonly DeviceDeltaTracker _delta = new();

    /// <summary>
    /// Hands what changed since the previous delta to the receiver, which only queues it: called after the change is
    /// applied (and, where it is written at once, stored), once per grain call, so a batch of readings is one delta.
    /// </summary>
    private void PublishDelta()
    {
        if (_delta.Take(Id, S, time.GetUtcNow()) is { } delta)
        {
            deltas.Publish(delta);
        }
    }
}
