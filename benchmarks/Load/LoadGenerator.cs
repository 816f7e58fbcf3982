using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Benchmarks.Load;

/// <summary>
/// Many MQTT connections, each publishing as fast as its acknowledgements allow (one message
/// in flight per connection, as a device does), for a bounded time, on loopback only.
/// </summary>
public static class LoadGenerator
{
    public static async Task<int> RunAsync(LoadOptions o)
    {
        var credentials = o.Api is null
            ? Enumerable.Range(0, o.Connections).Select(i => ($"load-{i:D5}", (string?)null)).ToList()
            : await RegisterAsync(o);
        var properties = Enumerable.Range(0, o.Values).Select(i => $"v{i}").ToArray();
        var clients = await Task.WhenAll(credentials.Select(c => ConnectAsync(o, c.Item1, c.Item2)));
        var relayed = 0L;
        IMqttClient? subscriber = null;
        if (o.Relay)
        {
            subscriber = await ConnectAsync(o, "load-subscriber", null);
            subscriber.ApplicationMessageReceivedAsync += _ => { Interlocked.Increment(ref relayed); return Task.CompletedTask; };
            await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("devices/+/telemetry", (MqttQualityOfServiceLevel)o.Qos).Build());
        }

        Console.WriteLine($"{clients.Length} connections up; publishing QoS {o.Qos} with {o.Values} values for {o.Seconds} s");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Seconds));
        var latencies = new List<double>[clients.Length];
        var stopwatch = Stopwatch.StartNew();
        var counts = await Task.WhenAll(clients.Select((c, i) => PublishLoopAsync(c, credentials[i].Item1, properties, o.Qos, latencies[i] = [], stop.Token)));
        var elapsed = stopwatch.Elapsed.TotalSeconds;

        var total = counts.Sum();
        var relayedTotal = Interlocked.Read(ref relayed);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        // The project runs with invariant globalization, so plain interpolation prints '.' decimals.
        Console.WriteLine(
            $"acknowledged {total} messages in {elapsed:F1} s = {total / elapsed:F0} msg/s ({total * o.Values / elapsed:F0} values/s); " +
            $"ack latency p50 {Percentile(all, 0.5):F2} ms, p99 {Percentile(all, 0.99):F2} ms" +
            (o.Relay ? $"; relayed to subscriber {relayedTotal}" : ""));
        await Task.WhenAll(clients.Append(subscriber).OfType<IMqttClient>().Select(c => c.DisconnectAsync()));
        return 0;
    }

    private static async Task<long> PublishLoopAsync(IMqttClient client, string deviceId, string[] properties, int qos, List<double> latencies, CancellationToken stop)
    {
        var topic = $"devices/{deviceId}/telemetry";
        var random = new Random(deviceId.GetHashCode(StringComparison.Ordinal));
        var sent = 0L;
        var builder = new StringBuilder();
        while (!stop.IsCancellationRequested)
        {
            builder.Clear().Append("{\"values\":{");
            for (var i = 0; i < properties.Length; i++)
            {
                builder.Append(i == 0 ? "" : ",").Append('"').Append(properties[i]).Append("\":")
                    .Append((random.NextDouble() * 100).ToString("F2", CultureInfo.InvariantCulture));
            }

            builder.Append("}}");
            var started = Stopwatch.GetTimestamp();
            try
            {
                await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(builder.ToString())
                    .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos).Build(), CancellationToken.None);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
            {
                break;
            }

            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            sent++;
        }

        return sent;
    }

    private static async Task<IMqttClient> ConnectAsync(LoadOptions o, string id, string? secret)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer(o.Host, o.MqttPort).WithClientId(id).WithTimeout(TimeSpan.FromSeconds(30));
        if (secret is not null)
        {
            options.WithCredentials(id, secret);
        }

        await client.ConnectAsync(options.Build());
        return client;
    }

    private static async Task<List<(string, string?)>> RegisterAsync(LoadOptions o)
    {
        using var http = new HttpClient { BaseAddress = new Uri(o.Api!) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", o.Token);
        // Every value carries a threshold rule (with a duration, so each reading updates rule state) that never
        // fires, and the device a no-data rule: the run measures rule evaluation on every reading, not a bare model.
        var modelId = o.Rules ? $"load-{o.Values}-rules" : $"load-{o.Values}";
        var model = new
        {
            id = modelId,
            name = $"Load model ({o.Values} values{(o.Rules ? ", rules" : "")})",
            properties = Enumerable.Range(0, o.Values).Select(i => new { name = $"v{i}" }),
            rules = Enumerable.Range(0, o.Values)
                .Select(i => (object)new { id = $"high-v{i}", kind = "threshold", property = $"v{i}", @operator = ">", value = 1e12, durationSeconds = 60, severity = "major" })
                .Append(new { id = "silent", kind = "nodata", seconds = 900, severity = "minor" })
                .Where(_ => o.Rules),
        };
        await http.PostAsJsonAsync("/api/device-models", model); // 409 when it exists already: fine
        var run = Guid.NewGuid().ToString("N")[..6];
        var result = new List<(string, string?)>();
        foreach (var i in Enumerable.Range(0, o.Connections))
        {
            var response = await http.PostAsJsonAsync("/api/devices", new { id = $"load-{run}-{i:D5}", modelId });
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            result.Add((body["id"]!.GetValue<string>(), body["secret"]!.GetValue<string>()));
        }

        return result;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
}
