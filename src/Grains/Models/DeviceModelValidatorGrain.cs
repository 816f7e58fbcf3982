using IotService.Contracts.Models;
using IotService.Rules.Kinds;
using Orleans.Concurrency;

namespace IotService.Grains.Models;

/// <summary>Runs <see cref="DeviceModelValidator"/> for the web host, next to the rule kinds that check their rules.</summary>
[StatelessWorker]
public sealed class DeviceModelValidatorGrain(RuleKindRegistry kinds) : Grain, IDeviceModelValidatorGrain
{
    public Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(DeviceModelDefinition model)
        => Task.FromResult(DeviceModelValidator.Validate(model, kinds).ByField());
}
