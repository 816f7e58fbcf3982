using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Cluster;

/// <summary>The HTTP calls the cluster tests make against any hub, as an operator's tools would.</summary>
public static class ClusterApi
{
    public const string Model = "cl-chiller";

    /// <summary>A model whose one rule raises a critical alarm (and a work order) above 90 °C.</summary>
    public static async Task CreateModelAsync(HubProcess hub)
    {
        var response = await hub.Admin.PostAsJsonAsync("/api/device-models", new
        {
            id = Model,
            name = "Cluster chiller",
            properties = new object[] { new { name = "temperature", unit = "°C", min = -40, max = 150 } },
            rules = new object[] { new { id = "overheat", kind = "threshold", property = "temperature", @operator = ">", value = 90, durationSeconds = 0, clearValue = 85, severity = "critical" } },
            actions = new Dictionary<string, string[]> { ["critical"] = ["createWorkOrder"] },
            workOrder = new { type = "repair", skill = "refrigeration", level = 1 },
        });
        await HubApi.EnsureAsync(response, HttpStatusCode.Created);
    }

    /// <returns>The device's secret, its password at the broker.</returns>
    public static async Task<string> RegisterAsync(HubProcess hub, string id, double lat = 10.5, double lon = 20.5)
    {
        var response = await hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId = Model, location = new { lat, lon } });
        await HubApi.EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
    }

    public static async Task<double?> TemperatureAsync(HubProcess hub, string id)
    {
        // Not found yet: a device registered on another hub reaches this one's directory with the next relayed batch.
        var response = await hub.Admin.GetAsync($"/api/devices/{id}");
        var device = response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonObject>();
        return device?["values"]?["temperature"]?["value"]?.GetValue<double>();
    }

    public static async Task<int> ActiveAlarmsAsync(HubProcess hub)
    {
        var alarms = await hub.Admin.GetFromJsonAsync<JsonObject>("/api/alarms?state=active&limit=200");
        return alarms!["items"]!.AsArray().Count;
    }

    public static async Task<int> WorkOrdersAsync(HubProcess hub)
    {
        var orders = await hub.Admin.GetFromJsonAsync<JsonObject>("/api/work-orders?limit=200");
        return orders!["items"]!.AsArray().Count;
    }

    public static HttpClient Client(HubProcess hub, string? token)
    {
        var client = new HttpClient { BaseAddress = hub.Url };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }
}
