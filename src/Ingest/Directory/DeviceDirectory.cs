using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using IotService.Contracts.Models;

namespace IotService.Ingest.Directory;

/// <summary>
/// In-memory map of registered devices and their models, so that authentication and
/// validation cost no storage round trip. Filled from the catalog at start, kept current
/// by registration and model edits in this process and by a periodic refresh (other hubs).
/// </summary>
public sealed class DeviceDirectory
{
    private readonly ConcurrentDictionary<string, DeviceEntry> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ModelEntry> _models = new(StringComparer.Ordinal);

    public int DeviceCount => _devices.Count;

    public int ModelCount => _models.Count;

    public void Upsert(DeviceEntry device) => _devices[device.Id] = device;

    public void Upsert(DeviceModelDefinition model)
    {
        // A refresh may bring an older version than one already saved here.
        if (_models.TryGetValue(model.Id, out var current) && current.Definition.Version > model.Version)
        {
            return;
        }

        _models[model.Id] = ModelEntry.From(model);
    }

    public bool TryGetDevice(string id, [NotNullWhen(true)] out DeviceEntry? device) => _devices.TryGetValue(id, out device);

    public bool TryGetModel(string id, [NotNullWhen(true)] out ModelEntry? model) => _models.TryGetValue(id, out model);

    public bool VerifySecret(string deviceId, string? secret)
        => _devices.TryGetValue(deviceId, out var device) && SecretHasher.Verify(secret, device.SecretHash);
}
