using IotService.Contracts.Models;
using IotService.Ingest.Payloads;

namespace IotService.Ingest.Directory;

/// <summary>
/// A device model as the hub uses it on hot paths: its definition, the schema readings are checked
/// against, and the properties customers may see, in model order (computed once per model version).
/// </summary>
public sealed record ModelEntry(DeviceModelDefinition Definition, PropertySchema Schema, IReadOnlyList<string> CustomerProperties)
{
    public static ModelEntry From(DeviceModelDefinition definition) => new(
        definition,
        PropertySchema.FromDefinitions(definition.Properties, definition.UnknownProperties),
        [.. definition.Properties.Where(p => p.Visibility == PropertyVisibility.Customer).Select(p => p.Name)]);

    /// <summary>The properties a caller may see: all of them for staff, the customer-visible ones for a customer.</summary>
    public IReadOnlyList<string> VisibleProperties(bool customer)
        => customer ? CustomerProperties : [.. Definition.Properties.Select(p => p.Name)];
}
