using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>The HTTP calls tests make, in the JSON the contract documents (no shared DTOs: the wire is what is tested).</summary>
public static class HubApi
{
    public static readonly string[] ChillerProperties = ["temperature", "rpm", "door"];

    public static async Task CreateChillerModelAsync(this HubHost hub, string modelId = "chiller-x")
    {
        var body = new
        {
            id = modelId,
            name = "Chiller X",
            properties = new object[]
            {
                new { name = "temperature", unit = "°C", min = -40, max = 150, visibility = "customer" },
                new { name = "rpm", unit = "rpm", min = 0, max = 5000, visibility = "technician" },
                new { name = "door", visibility = "customer" },
            },
            rules = new object[]
            {
                new { id = "overheat", kind = "threshold", property = "temperature", @operator = ">", value = 90, durationSeconds = 0, clearValue = 85, severity = "critical" },
            },
            actions = new Dictionary<string, string[]> { ["critical"] = ["notifyOwner", "createWorkOrder"] },
            workOrder = new { type = "repair", skill = "refrigeration", level = 2 },
        };
        var response = await hub.Admin.PostAsJsonAsync("/api/device-models", body);
        await EnsureAsync(response, System.Net.HttpStatusCode.Created);
    }

    public static async Task CreateCustomerAsync(this HubHost hub, string id, string tier = "core")
    {
        var response = await hub.Admin.PostAsJsonAsync("/api/customers", new { id, name = "Customer " + id, tier });
        await EnsureAsync(response, System.Net.HttpStatusCode.Created);
    }

    /// <returns>The device secret.</returns>
    public static async Task<(string Secret, string ActivationCode)> RegisterDeviceAsync(this HubHost hub, string id, string modelId = "chiller-x", string? customerId = null)
    {
        var response = await hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId, customerId, location = new { lat = 31.23, lon = 121.47 } });
        await EnsureAsync(response, System.Net.HttpStatusCode.Created);
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (json!["secret"]!.GetValue<string>(), json["activationCode"]!.GetValue<string>());
    }

    public static async Task<JsonObject?> GetDeviceAsync(this HubHost hub, string id, HttpClient? client = null)
    {
        var response = await (client ?? hub.Admin).GetAsync($"/api/devices/{id}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureAsync(response, System.Net.HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonObject>();
    }

    public static double? Value(this JsonObject? device, string property)
        => device?["values"]?[property]?["value"]?.GetValue<double>();

    public static async Task<JsonObject> StatsAsync(this HubHost hub)
        => (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/ingest/stats"))!;

    public static async Task<long> RejectedAsync(this HubHost hub, string reason)
        => (await hub.StatsAsync())["rejected"]![reason]!.GetValue<long>();

    /// <summary>MQTT connections the broker refused or cut for <paramref name="reason"/> (<c>connectionsRefused</c>).</summary>
    public static async Task<long> RefusedAsync(this HubHost hub, string reason) => await RefusedAsync(hub.Admin, reason);

    public static async Task<long> RefusedAsync(HttpClient admin, string reason)
        => (await admin.GetFromJsonAsync<JsonObject>("/api/ingest/stats"))!["connectionsRefused"]![reason]!.GetValue<long>();

    /// <summary>Waits until the device shows <paramref name="expected"/> for the property.</summary>
    public static Task<JsonObject?> WaitForValueAsync(this HubHost hub, string deviceId, string property, double expected)
        => Eventually.GetAsync(() => hub.GetDeviceAsync(deviceId), d => d.Value(property) == expected, what: $"{deviceId}.{property} = {expected}");

    /// <summary>Stored raw readings of one property, through <c>/api/devices/{id}/telemetry</c>: unix ms → value.</summary>
    public static async Task<Dictionary<long, double>> StoredAsync(HttpClient admin, string device, string property, DateTimeOffset from, DateTimeOffset to)
    {
        var range = $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";
        var body = await admin.GetFromJsonAsync<JsonObject>($"/api/devices/{device}/telemetry?property={property}&{range}&limit=100000");
        return body!["series"]![0]!["points"]!.AsArray().ToDictionary(
            p => DateTimeOffset.Parse(p!["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
            p => p!["value"]!.GetValue<double>());
    }

    public static async Task EnsureAsync(HttpResponseMessage response, System.Net.HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {body}");
        }
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
