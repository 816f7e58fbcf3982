namespace IotService.Ingest.Directory;

/// <summary>One hub: the directory is complete, and a device it does not know is unknown.</summary>
public sealed class NoDirectoryFallback : IDirectoryFallback
{
    public bool IsEnabled => false;

    public ValueTask<DeviceEntry?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken) => ValueTask.FromResult<DeviceEntry?>(null);

    public ValueTask<bool> FindModelAsync(string modelId, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
