namespace IotService.Dashboard.Map;

/// <summary>A device after a window's delta, with its <see cref="DeviceFacts"/> from before (null when the delta made it known).</summary>
public readonly record struct DeviceChange(MapDevice Device, DeviceFacts? Before, CoalescedDelta Delta);
