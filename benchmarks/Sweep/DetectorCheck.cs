using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Benchmarks.Load;

namespace IotService.Benchmarks.Sweep;

/// <summary>
/// After a sweep with an anomaly rule on every property, says whether the hub had trained the load model's
/// multivariate detector (<c>GET /api/device-models/{id}/anomaly-model</c>), so a reader knows whether the measured
/// steps ran the joint part too, and how many anomaly alarms the random load raised.
/// </summary>
public static class DetectorCheck
{
    public static async Task PrintAsync(LoadOptions load, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = new Uri(load.Api!) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", load.Token);
        var modelId = LoadDevices.ModelId(load.Values, load.Rules, load.Anomaly);
        var response = await http.GetAsync($"/api/device-models/{modelId}/anomaly-model", stop);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(stop);
        Console.WriteLine(response.IsSuccessStatusCode
            ? $"multivariate detector of {modelId}: version {body!["version"]}, trained {body["trainedAt"]} on {body["rows"]} rows of {body["devices"]} devices, rank {body["rank"]}"
            : $"no multivariate detector of {modelId}: {body?["detail"]}");
        var alarms = await http.GetFromJsonAsync<JsonObject>("/api/alarms?limit=1000", stop);
        var odd = alarms!["items"]!.AsArray().Count(a => a!["ruleId"]!.GetValue<string>() == "odd");
        Console.WriteLine($"anomaly alarms raised: {odd}{(alarms["nextCursor"] is null ? "" : " (first 1000 alarms only)")}");
    }
}
