using IotService.Contracts.Devices;
using IotService.Ingest.Directory;

namespace IotService.Dashboard.Map;

/// <summary>The values of a device a customer may see: only the properties its model shows customers (none if the model is unknown).</summary>
public sealed class CustomerValues(DeviceDirectory directory)
{
    private static readonly IReadOnlyDictionary<string, PropertyValue> None = new Dictionary<string, PropertyValue>();

    public IReadOnlyDictionary<string, PropertyValue> Of(string modelId, IReadOnlyDictionary<string, PropertyValue> values)
    {
        if (values.Count == 0)
        {
            return values;
        }

        if (!directory.TryGetModel(modelId, out var model))
        {
            return None;
        }

        var visible = model.CustomerProperties;
        Dictionary<string, PropertyValue>? share = null;
        foreach (var (property, value) in values)
        {
            if (visible.Contains(property))
            {
                (share ??= new Dictionary<string, PropertyValue>(StringComparer.Ordinal))[property] = value;
            }
        }

        return share ?? None;
    }
}
