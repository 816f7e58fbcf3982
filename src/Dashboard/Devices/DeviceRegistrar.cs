namespace IotService.Dashboard.Devices;

/// <summary>Registers devices: issues secret and activation code, creates the grain, tells ingest at once.</summary>
public sealed class DeviceRegistrar
{
    /// <param name="presetSecret">Used by the demo seed so the simulator can derive secrets again after a restart; null issues a random one.</param>
    public Task<RegisteredDevice> RegisterAsync(RegisterDeviceRequest request, string? presetSecret = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();
}
