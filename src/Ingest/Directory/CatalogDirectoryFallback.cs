using System.Collections.Concurrent;
using System.Text.Json;
using IotService.Contracts.Models;
using IotService.Storage.Catalogs;

namespace IotService.Ingest.Directory;

/// <summary>
/// A cluster: a device registered on another hub reaches this hub's directory with the next batch of relayed events
/// (tens of milliseconds) or catalog poll (seconds), and its first reading may arrive here before either, through the
/// broker's shared subscription. Rather than reject it as unknown, ingest reads the shared catalog, which the registering
/// hub wrote before it answered. A device the catalog does not have either is not asked for again for
/// <see cref="MissMemory"/>, so a misconfigured sender costs one query every few seconds, not one per message.
/// </summary>
public sealed class CatalogDirectoryFallback(DeviceDirectory directory, IDeviceCatalog devices, IDocumentCatalog documents, TimeProvider time) : IDirectoryFallback
{
    public static readonly TimeSpan MissMemory = TimeSpan.FromSeconds(5);

    // Bounded: past this many remembered misses the memory starts over rather than grow.
    private const int MaxMisses = 10_000;

    private readonly ConcurrentDictionary<string, long> _missedAt = new(StringComparer.Ordinal);

    public bool IsEnabled => true;

    public async ValueTask<DeviceEntry?> FindDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        if (_missedAt.TryGetValue(deviceId, out var missed) && time.GetElapsedTime(missed) < MissMemory)
        {
            return null;
        }

        var summary = await devices.GetAsync(deviceId, cancellationToken);
        if (summary is null || !await FindModelAsync(summary.ModelId, cancellationToken))
        {
            if (_missedAt.Count >= MaxMisses)
            {
                _missedAt.Clear();
            }

            _missedAt[deviceId] = time.GetTimestamp();
            return null;
        }

        var device = new DeviceEntry(summary.Id, summary.ModelId, summary.CustomerId, summary.SecretHash);
        directory.Upsert(device);
        return device;
    }

    public async ValueTask<bool> FindModelAsync(string modelId, CancellationToken cancellationToken)
    {
        if (directory.TryGetModel(modelId, out _))
        {
            return true;
        }

        var json = await documents.GetAsync(DocumentKinds.DeviceModel, modelId, cancellationToken);
        if (json is null || JsonSerializer.Deserialize<DeviceModelDefinition>(json, CatalogJson.Options) is not { } model)
        {
            return false;
        }

        directory.Upsert(model);
        return true;
    }
}
