using System.Net;
using System.Text;
using System.Text.Json;

namespace IotService.TestSupport.Influx;

/// <summary>Talking to the test influxd directly, bypassing the store under test.</summary>
public static class InfluxServerHttp
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Runs InfluxQL directly (POST /query), bypassing the store under test.</summary>
    public static async Task<JsonElement> ExecuteAsync(this InfluxServer server, string database, string statement, string? username = null, string? password = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{server.Url}/query"))
        {
            Content = new FormUrlEncodedContent([new("db", database), new("q", statement)]),
        };
        if (username is not null)
        {
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        }

        using var response = await Http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Writes line protocol directly (POST /write, precision ms); returns the status code.</summary>
    public static async Task<HttpStatusCode> WriteLinesAsync(this InfluxServer server, string database, string lines)
    {
        using var content = new StringContent(lines);
        using var response = await Http.PostAsync(new Uri($"{server.Url}/write?db={Uri.EscapeDataString(database)}&precision=ms"), content);
        return response.StatusCode;
    }
}
