using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>One device's deltas of a window merged into one; <paramref name="Count"/> is how many the grain sent.</summary>
public sealed record CoalescedDelta(DeviceDelta Delta, int Count);
