using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Dashboard.Map;

/// <summary>What decides whether a device is on a viewer's map: owner, position, status and worst active severity.</summary>
public readonly record struct DeviceFacts(string? CustomerId, bool HasLocation, double Lat, double Lon, DeviceStatus Status, Severity Severity)
{
    /// <summary>Major and critical devices are drawn one by one even among clusters: a dispatcher must see every serious fault.</summary>
    public bool IsSerious => Severity >= Severity.Major;
}
