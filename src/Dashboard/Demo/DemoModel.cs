using IotService.Contracts.Models;

namespace IotService.Dashboard.Demo;

/// <summary>A demo device model: its definition for the hub, and the signal of each property in the same order.</summary>
public sealed record DemoModel(DeviceModelDefinition Definition, IReadOnlyList<SignalShape> Signals, bool Mobile, string ShortName)
{
    public string Id => Definition.Id;

    public IReadOnlyList<PropertyDefinition> Properties => Definition.Properties;
}
