using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MQTTnet;

namespace IotService.Benchmarks.Load;

/// <summary>Registers the generator's devices at the hub and connects them.</summary>
public static class LoadDevices
{
    /// <summary>
    /// A hub refuses more than a few dozen unauthenticated connections from one address at once
    /// (<c>Mqtt:MaxUnauthenticatedPerAddress</c>, 32), so connections are opened this many at a time.
    /// </summary>
    private const int ConcurrentConnects = 16;

    public static async Task<IMqttClient[]> ConnectAsync(LoadOptions o, IReadOnlyList<(string Id, string? Secret)> devices)
    {
        var clients = new IMqttClient[devices.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, devices.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConcurrentConnects },
            async (i, _) => clients[i] = await ConnectAsync(o, devices[i].Id, devices[i].Secret));
        return clients;
    }

    /// <param name="socketBufferBytes">
    /// Null: MQTTnet's 8 KB, as a device has. A connection that receives a lot needs more: set before connecting, 8 KB
    /// turns off TCP window scaling on Linux, and the sender can then send only about 5 KB at a time.
    /// </param>
    public static async Task<IMqttClient> ConnectAsync(LoadOptions o, string id, string? secret, int? socketBufferBytes = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer(o.Host, o.MqttPort).WithClientId(id).WithTimeout(TimeSpan.FromSeconds(30));
        if (secret is not null)
        {
            options.WithCredentials(id, secret);
        }

        var built = options.Build();
        if (socketBufferBytes is { } bytes)
        {
            ((MqttClientTcpOptions)built.ChannelOptions).BufferSize = bytes;
        }

        await client.ConnectAsync(built);
        return client;
    }

    /// <summary>Id of the model <see cref="RegisterAsync"/> registers (also what <c>seed</c> writes into history).</summary>
    public static string ModelId(int values, bool rules, bool anomaly = false)
        => (rules ? $"load-{values}-rules" : $"load-{values}") + (anomaly ? "-anomaly" : "");

    /// <summary>Id of the <paramref name="index"/>th device of a run.</summary>
    public static string DeviceId(string prefix, int index) => $"{prefix}{index.ToString("D5", CultureInfo.InvariantCulture)}";

    /// <summary>A prefix of its own per run, so runs against one hub never collide.</summary>
    public static string NewDevicePrefix() => $"load-{Guid.NewGuid().ToString("N")[..6]}-";

    public static async Task<List<(string Id, string? Secret)>> RegisterAsync(LoadOptions o, int count)
    {
        using var http = Api(o);
        // Every value carries a threshold rule (with a duration, so each reading updates rule state) that never
        // fires, and the device a no-data rule: the run measures rule evaluation on every reading, not a bare model.
        // --anomaly adds an anomaly rule on every property, whose cost is what issue 17 asks about.
        var modelId = ModelId(o.Values, o.Rules, o.Anomaly);
        var model = new
        {
            id = modelId,
            name = $"Load model ({o.Values} values{(o.Rules ? ", rules" : "")}{(o.Anomaly ? ", anomaly" : "")})",
            properties = Enumerable.Range(0, o.Values).Select(i => new { name = $"v{i}" }),
            rules = Enumerable.Range(0, o.Values)
                .Select(i => (object)new { id = $"high-v{i}", kind = "threshold", property = $"v{i}", @operator = ">", value = 1e12, durationSeconds = 60, severity = "major" })
                .Append(new { id = "silent", kind = "nodata", seconds = 900, severity = "minor" })
                .Where(_ => o.Rules)
                .Concat(o.Anomaly ? [new { id = "odd", kind = "anomaly", severity = "minor" }] : []),
        };
        await http.PostAsJsonAsync("/api/device-models", model); // 409 when it exists already: fine
        var prefix = o.DevicePrefix ?? NewDevicePrefix();
        var result = new List<(string, string?)>();
        foreach (var i in Enumerable.Range(0, count))
        {
            var response = await http.PostAsJsonAsync("/api/devices", new { id = DeviceId(prefix, i), modelId });
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            result.Add((body["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>()));
        }

        return result;
    }

    /// <summary>The hub's <c>/api/ingest/stats</c> counters named, or nothing without <c>--api</c>.</summary>
    public static async Task<long[]> CountersAsync(LoadOptions o, params string[] names)
    {
        if (o.Api is null)
        {
            return new long[names.Length];
        }

        using var http = Api(o);
        var stats = (await http.GetFromJsonAsync<JsonObject>("/api/ingest/stats"))!;
        return names.Select(n => stats[n]?.GetValue<long>() ?? 0).ToArray();
    }

    private static HttpClient Api(LoadOptions o)
    {
        var http = new HttpClient { BaseAddress = new Uri(o.Api!) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
        return http;
    }
}
