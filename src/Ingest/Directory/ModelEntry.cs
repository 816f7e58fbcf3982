using IotService.Contracts.Models;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Directory;

/// <summary>A device model as ingest sees it: its full definition and the schema readings are checked against.</summary>
public sealed record ModelEntry(DeviceModelDefinition Definition, PropertySchema Schema)
{
    public static ModelEntry From(DeviceModelDefinition definition) => new(
        definition,
        PropertySchema.Create(definition.Properties.Select(p => p.Name), definition.UnknownProperties));
}
