using IotService.Contracts.Models;

namespace IotService.Dashboard.Models;

/// <summary>Validates and saves device models; ingest sees a change at once.</summary>
public sealed class DeviceModelService
{
    public Task<DeviceModelDefinition> SaveAsync(DeviceModelDefinition model, bool mustNotExist, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();
}
