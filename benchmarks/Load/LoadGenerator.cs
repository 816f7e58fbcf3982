using System.Diagnostics;
using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Benchmarks.Load;

/// <summary>
/// Many MQTT connections, each publishing as fast as its acknowledgements allow (one message
/// in flight per connection, as a device does) or at a set rate, optionally beside devices that
/// flood, for a bounded time, on loopback only.
/// </summary>
public static class LoadGenerator
{
    public static async Task<int> RunAsync(LoadOptions o)
    {
        var devices = o.Api is null
            ? Enumerable.Range(0, o.Connections + o.Flood).Select(i => ($"load-{i:D5}", (string?)null)).ToList()
            : await LoadDevices.RegisterAsync(o, o.Connections + o.Flood);
        var properties = Enumerable.Range(0, o.Values).Select(i => $"v{i}").ToArray();
        var clients = await LoadDevices.ConnectAsync(o, devices);
        var relayed = 0L;
        IMqttClient? subscriber = null;
        if (o.Relay)
        {
            subscriber = await LoadDevices.ConnectAsync(o, "load-subscriber", null);
            subscriber.ApplicationMessageReceivedAsync += _ => { Interlocked.Increment(ref relayed); return Task.CompletedTask; };
            await subscriber.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("devices/+/telemetry", (MqttQualityOfServiceLevel)o.Qos).Build());
        }

        var counters = new[] { "rateLimited", "rateDelayed", "dropped" };
        var before = await LoadDevices.CountersAsync(o, counters);
        Console.WriteLine($"{o.Connections} connections up{(o.Flood > 0 ? $" and {o.Flood} flooding at QoS {o.FloodQos}" : "")}; " +
            $"publishing QoS {o.Qos} with {o.Values} values{(o.Rate > 0 ? $" at {o.Rate} msg/s each" : "")} for {o.Seconds} s");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Seconds));
        var latencies = new List<double>[o.Connections];
        var stopwatch = Stopwatch.StartNew();
        var publishers = Task.WhenAll(Enumerable.Range(0, o.Connections)
            .Select(i => Publishers.PublishAsync(clients[i], devices[i].Item1, properties, o.Qos, o.Rate, latencies[i] = [], stop.Token)));
        var flooders = Task.WhenAll(Enumerable.Range(o.Connections, o.Flood)
            .Select(i => Publishers.FloodAsync(clients[i], devices[i].Item1, properties, o.FloodQos, stop.Token)));
        var counts = await publishers;
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var flooded = (await flooders).Sum();

        var total = counts.Sum();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        // The project runs with invariant globalization, so plain interpolation prints '.' decimals.
        Console.WriteLine(
            $"acknowledged {total} messages in {elapsed:F1} s = {total / elapsed:F0} msg/s ({total * o.Values / elapsed:F0} values/s); " +
            $"ack latency p50 {Percentile(all, 0.5):F2} ms, p99 {Percentile(all, 0.99):F2} ms, max {(all.Length == 0 ? 0 : all[^1]):F2} ms" +
            (o.Relay ? $"; relayed to subscriber {Interlocked.Read(ref relayed)}" : ""));
        if (o.Flood > 0)
        {
            var after = await LoadDevices.CountersAsync(o, counters);
            Console.WriteLine(
                $"flooders {(o.FloodQos == 0 ? "wrote" : "had acknowledged")} {flooded} messages = {flooded / elapsed:F0} msg/s; " +
                $"hub: rate-limited (dropped) {after[0] - before[0]}, rate-delayed {after[1] - before[1]}, queue-dropped {after[2] - before[2]}");
        }

        await Task.WhenAll(clients.Append(subscriber).OfType<IMqttClient>().Select(c => c.DisconnectAsync()));
        return 0;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)];
}
