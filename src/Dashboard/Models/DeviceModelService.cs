using IotService.Contracts.Models;
using IotService.Dashboard.Api;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Models;

/// <summary>Validates and saves device models; ingest sees a change at once, without a restart.</summary>
public sealed class DeviceModelService(IGrainFactory grains, DeviceDirectory directory)
{
    public async Task<DeviceModelDefinition> SaveAsync(DeviceModelDefinition model, bool mustNotExist, CancellationToken cancellationToken = default)
    {
        DeviceModelValidator.Validate(model);
        var grain = grains.GetGrain<IDeviceModelGrain>(model.Id);
        var saved = await Ids.CreateAsync(() => grain.SaveAsync(model, mustNotExist));

        directory.Upsert(saved);
        return saved;
    }
}
