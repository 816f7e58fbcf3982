using System.Diagnostics;
using IotService.Benchmarks.Disk;
using IotService.Benchmarks.Seed;
using MQTTnet;

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
        if (o.StoragePath is not null)
        {
            o = o with { DevicePrefix = SeedManifest.Read(o.StoragePath).DevicePrefixFor(o.Connections, o.Values) };
        }

        var devices = o.Api is null
            ? Enumerable.Range(0, o.Connections + o.Flood).Select(i => (LoadDevices.DeviceId("load-", i), (string?)null)).ToList()
            : await LoadDevices.RegisterAsync(o, o.Connections + o.Flood);
        var properties = Enumerable.Range(0, o.Values).Select(i => $"v{i}").ToArray();
        var clients = await LoadDevices.ConnectAsync(o, devices);
        await using var subscriber = o.Relay ? await RelaySubscriber.ConnectAsync(o) : null;

        var counters = new[] { "rateLimited", "rateDelayed", "dropped" };
        var before = await LoadDevices.CountersAsync(o, counters);
        Console.WriteLine($"{o.Connections} connections up{(o.Flood > 0 ? $" and {o.Flood} flooding at QoS {o.FloodQos}" : "")}; " +
            $"publishing QoS {o.Qos} with {o.Values} values{(o.Rate > 0 ? $" at {o.Rate} msg/s each" : "")} for {o.Seconds} s");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(o.Seconds));
        var latencies = new List<double>[o.Connections];
        var written = o.HubPid is { } pid ? ProcessIo.WriteBytes(pid) : null;
        var refusals = new PublishRefusals();
        var stopwatch = Stopwatch.StartNew();
        var publishers = Task.WhenAll(Enumerable.Range(0, o.Connections)
            .Select(i => Publishers.PublishAsync(clients[i], devices[i].Item1, properties, o.Qos, o.Rate, latencies[i] = [], refusals, stop.Token)));
        var flooders = Task.WhenAll(Enumerable.Range(o.Connections, o.Flood)
            .Select(i => Publishers.FloodAsync(clients[i], devices[i].Item1, properties, o.FloodQos, refusals, stop.Token)));
        var counts = await publishers;
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var flooded = (await flooders).Sum();
        var writtenAfter = o.HubPid is { } pidAfter ? ProcessIo.WriteBytes(pidAfter) : null;

        var total = counts.Sum();
        var latency = LatencySummary.Of(latencies);
        // The project runs with invariant globalization, so plain interpolation prints '.' decimals.
        Console.WriteLine(
            $"acknowledged {total} messages in {elapsed:F1} s = {total / elapsed:F0} msg/s ({total * o.Values / elapsed:F0} values/s); " +
            $"ack latency p50 {latency.P50:F2} ms, p99 {latency.P99:F2} ms, max {latency.Max:F2} ms" +
            (subscriber is null ? "" : $"; relayed to subscriber {subscriber.Received}"));
        if (refusals.Report() is { } refused)
        {
            Console.WriteLine(refused);
        }

        if (o.HubPid is { } hubPid)
        {
            var perMessage = ProcessIo.PerMessage(written, writtenAfter, total);
            Console.WriteLine(perMessage is { } bytes
                ? $"process {hubPid} wrote {writtenAfter - written} bytes to disk = {bytes:F0} bytes per acknowledged message"
                : $"could not read /proc/{hubPid}/io (write_bytes) before and after the run");
        }

        if (o.Flood > 0)
        {
            var after = await LoadDevices.CountersAsync(o, counters);
            Console.WriteLine(
                $"flooders {(o.FloodQos == 0 ? "wrote" : "had acknowledged")} {flooded} messages = {flooded / elapsed:F0} msg/s; " +
                $"hub: rate-limited (dropped) {after[0] - before[0]}, rate-delayed {after[1] - before[1]}, queue-dropped {after[2] - before[2]}");
        }

        await Task.WhenAll(clients.Select(c => c.DisconnectAsync()));
        return 0;
    }
}
