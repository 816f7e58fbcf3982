namespace IotService.Contracts.Devices;

public enum DeviceStatus
{
    /// <summary>Registered, never heard from.</summary>
    Unknown = 0,
    Online = 1,
    Offline = 2,
}
