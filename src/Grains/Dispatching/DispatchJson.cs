using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotService.Grains.Dispatching;

/// <summary>
/// How receipts are stored: the HTTP API's conventions (camelCase names, enums as camelCase strings), because
/// <c>GET /api/work-orders/{id}/dispatch</c> returns the stored JSON as it is.
/// </summary>
public static class DispatchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };
}
