using System.Globalization;
using IotService.Benchmarks.Load;
using IotService.Benchmarks.Sweep;

namespace IotService.Benchmarks.Children;

/// <summary>Starts a plain Mosquitto on a free loopback port: the relay baseline the hub is measured against.</summary>
public static class RelayLauncher
{
    public static async Task<TargetServer> StartAsync(SweepOptions o, TimeSpan bound, CancellationToken stop)
    {
        var folder = Directory.CreateTempSubdirectory("iot-sweep-relay-");
        var port = FreePorts.Take(1)[0];
        var config = Path.Combine(folder.FullName, "mosquitto.conf");
        // Loopback only, anonymous, no persistence, default queues: what the documented relay baseline has always been.
        string[] lines = [$"listener {port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1", "allow_anonymous true", .. o.RelayConf];
        await File.WriteAllLinesAsync(config, lines, stop);
        var child = await ChildProcess.StartAsync("relay (mosquitto)", o.Mosquitto, ["-c", config], bound);
        var load = new LoadOptions("127.0.0.1", port, null, null, o.Connections, 0, o.Qos, o.Values, Relay: true);
        var relay = new TargetServer("relay", child, load, folder);
        try
        {
            await Readiness.WaitAsync(child, () => Readiness.AcceptsAsync(port), TimeSpan.FromSeconds(15), stop);
            return relay;
        }
        catch
        {
            await relay.DisposeAsync();
            throw;
        }
    }
}
