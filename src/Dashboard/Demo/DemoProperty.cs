using IotService.Contracts.Models;

namespace IotService.Dashboard.Demo;

/// <summary>A property as the hub sees it, and how the simulator makes its values.</summary>
public sealed record DemoProperty(PropertyDefinition Definition, SignalShape Signal);
