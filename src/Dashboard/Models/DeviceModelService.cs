using IotService.Contracts.Models;
using IotService.Dashboard.Api;
using IotService.Dashboard.Devices;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Models;

/// <summary>
/// Validates (in the silo, where the rule kinds are) and saves device models. Ingest sees a change at once, without
/// a restart; devices pick up new rules with their next reading (readings carry the model version) and, for clock
/// rules, on the next rule-clock sweep.
/// </summary>
public sealed class DeviceModelService(IGrainFactory grains, DirectoryWriter directory, IDeviceCatalog catalog, TimeProvider time)
{
    public async Task<DeviceModelDefinition> SaveAsync(DeviceModelDefinition model, bool mustNotExist, CancellationToken cancellationToken = default)
    {
        var errors = await grains.GetGrain<IDeviceModelValidatorGrain>(0).ValidateAsync(model);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>(errors));
        }

        var grain = grains.GetGrain<IDeviceModelGrain>(model.Id);
        var saved = await Ids.CreateAsync(() => grain.SaveAsync(model, mustNotExist));

        directory.Upsert(saved);

        // A silent device gets no reading to learn of a new no-data rule or escalation limit: have the clock call each once.
        await catalog.MarkModelDueAsync(saved.Id, time.GetUtcNow(), cancellationToken);
        return saved;
    }
}
