using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Alarms;

/// <summary>The alarm and work-order calls the alarm tests make, in the documented JSON.</summary>
internal static class AlarmApi
{
    public static async Task<JsonArray> AlarmsAsync(this HubHost hub, string query, HttpClient? client = null)
    {
        var body = await (client ?? hub.Admin).GetFromJsonAsync<JsonObject>($"/api/alarms?{query}");
        return body!["items"]!.AsArray();
    }

    public static async Task<JsonArray> WorkOrdersAsync(this HubHost hub, string query, HttpClient? client = null)
    {
        var body = await (client ?? hub.Admin).GetFromJsonAsync<JsonObject>($"/api/work-orders?{query}");
        return body!["items"]!.AsArray();
    }

    /// <summary>Waits until the device's alarm list satisfies <paramref name="done"/>.</summary>
    public static Task<JsonArray> WaitForAlarmsAsync(this HubHost hub, string deviceId, Func<JsonArray, bool> done, string what) =>
        Eventually.GetAsync(() => hub.AlarmsAsync($"deviceId={deviceId}"), done, what: what);

    public static string Text(this JsonNode? node, string property) => node![property]!.GetValue<string>();
}
