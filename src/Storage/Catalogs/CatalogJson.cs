using System.Text.Json;
using System.Text.Json.Serialization;

namespace IotService.Storage.Catalogs;

/// <summary>The JSON shape of catalog documents: the same as the HTTP API's (camelCase, enums as strings).</summary>
public static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}
