namespace IotService.Contracts.Models;

/// <summary>One grain per device model, keyed by model id.</summary>
[Alias("IotService.Contracts.Models.IDeviceModelGrain")]
public interface IDeviceModelGrain : IGrainWithStringKey
{
    /// <summary>The current version, or null if the model does not exist.</summary>
    [Alias("Get")]
    Task<DeviceModelDefinition?> GetAsync();

    /// <summary>Creates (when <paramref name="mustNotExist"/>) or replaces the model; returns it with its new version number.</summary>
    [Alias("Save")]
    Task<DeviceModelDefinition> SaveAsync(DeviceModelDefinition model, bool mustNotExist);
}
