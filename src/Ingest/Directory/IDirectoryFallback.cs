namespace IotService.Ingest.Directory;

/// <summary>
/// Where ingest looks when its directory does not know a device or model. With one hub every registration passes through
/// this process, so a miss is final (<see cref="NoDirectoryFallback"/>); in a cluster it may be a device another hub
/// registered a moment ago (<see cref="CatalogDirectoryFallback"/>).
/// </summary>
public interface IDirectoryFallback
{
    bool IsEnabled { get; }

    /// <summary>The device, added to the directory with its model; null when the record has no such device either.</summary>
    ValueTask<DeviceEntry?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Loads the model into the directory; false when there is none.</summary>
    ValueTask<bool> FindModelAsync(string modelId, CancellationToken cancellationToken);
}
