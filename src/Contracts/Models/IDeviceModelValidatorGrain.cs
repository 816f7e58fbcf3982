namespace IotService.Contracts.Models;

/// <summary>
/// Checks device models in the silo, where the rule kinds are, so the web host runs no rule logic. A stateless
/// worker: call it with key 0. It does not depend on the model's id, which may itself be what is wrong.
/// </summary>
[Alias("IotService.Contracts.Models.IDeviceModelValidatorGrain")]
public interface IDeviceModelValidatorGrain : IGrainWithIntegerKey
{
    /// <summary>Every problem of <paramref name="model"/> by field (<c>rules[2].operator</c>), in the order found; empty when it can be saved.</summary>
    [Alias("Validate")]
    Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(DeviceModelDefinition model);
}
