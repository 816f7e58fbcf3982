using IotService.Contracts.Models;
using IotService.Grains.Documents;
using IotService.Storage.Catalogs;

namespace IotService.Grains.Models;

/// <summary>A device model; every save is a new version.</summary>
public sealed class DeviceModelGrain(
    [PersistentState("model", "models")] IPersistentState<DocumentState<DeviceModelDefinition>> state,
    IDocumentCatalog catalog,
    TimeProvider time) : DocumentGrain<DeviceModelDefinition>(state, catalog, time), IDeviceModelGrain
{
    protected override string Kind => DocumentKinds.DeviceModel;

    protected override DeviceModelDefinition Stamp(DeviceModelDefinition definition, DeviceModelDefinition? current, DateTimeOffset now)
        => definition with { Id = this.GetPrimaryKeyString(), Version = (current?.Version ?? 0) + 1, UpdatedAt = now };
}
