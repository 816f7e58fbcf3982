using System.Diagnostics;
using IotService.Dashboard.Live;
using IotService.Dashboard.Map;
using IotService.Ingest.Directory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IotService.Benchmarks.Map;

/// <summary>
/// The live map's cost at fleet scale, in process: the hub's own <see cref="LiveMap"/> over a synthetic fleet, its
/// messages framed by SignalR's JSON and MessagePack hub protocols (<see cref="ProtocolClients"/>). It reports the
/// snapshot of a world, country and city view (bytes per protocol, time to build), then runs windows in real time with
/// many connections watching different views while devices change at a given rate, and reports the process CPU it
/// took (the map's routing and the protocols' serialisation; the fleet generator's own time is subtracted) and each
/// kind of connection's messages and bytes per second.
/// </summary>
public static class MapBenchmark
{
    private static readonly (string Name, double Zoom)[] Views = [("world", 1.5), ("country", 5), ("city", 10)];

    public static async Task<int> RunAsync(MapBenchOptions options, CancellationToken stop)
    {
        var clients = new ProtocolClients();
        var mapOptions = Options.Create(new MapOptions());
        var notifier = new DeviceDeltaNotifier(mapOptions, new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), NullLogger<DeviceDeltaNotifier>.Instance);
        var map = new LiveMap(notifier, new TechnicianBoard(), clients, new DeviceDirectory(), mapOptions, TimeProvider.System, NullLogger<LiveMap>.Instance);
        var fleet = new SyntheticFleet(options.Devices, options.Seed);
        var loading = Stopwatch.StartNew();
        map.Load(fleet.Summaries());
        Console.WriteLine($"map: {options.Devices:N0} devices projected in {loading.ElapsedMilliseconds} ms; load average {LoadAverage()}");

        await SnapshotsAsync(map, clients, fleet);
        if (!stop.IsCancellationRequested)
        {
            await FanOutAsync(map, clients, notifier, fleet, options, stop);
        }

        return 0;
    }

    private static async Task SnapshotsAsync(LiveMap map, ProtocolClients clients, SyntheticFleet fleet)
    {
        Console.WriteLine("snapshot   json bytes  msgpack bytes  devices  clusters  build ms (median of 20)");
        foreach (var (name, zoom) in Views)
        {
            var bounds = Bounds(name, fleet);
            var times = new List<double>();
            long json = 0, messagePack = 0;
            for (var i = 0; i < 20; i++)
            {
                var connection = $"snap-{name}-{i}";
                clients.Use(connection, messagePack: i % 2 == 1);
                clients.CountOnly = true;
                var timer = Stopwatch.StartNew();
                await map.JoinAsync(connection, MapAudience.Everyone, Viewport.From(Request(bounds, zoom)));
                times.Add(timer.Elapsed.TotalMilliseconds);
                map.Disconnect(connection);
            }

            clients.CountOnly = false;
            var sizes = new long[2];
            for (var protocol = 0; protocol < 2; protocol++)
            {
                var connection = $"size-{name}-{protocol}";
                clients.Use(connection, messagePack: protocol == 1);
                await map.JoinAsync(connection, MapAudience.Everyone, Viewport.From(Request(bounds, zoom)));
                sizes[protocol] = clients.Of(connection).Bytes;
                map.Disconnect(connection);
            }

            (json, messagePack) = (sizes[0], sizes[1]);
            var shape = clients.LastSnapshot;
            times.Sort();
            Console.WriteLine($"{name,-9} {json,11:N0} {messagePack,14:N0} {shape.Devices,8:N0} {shape.Clusters,9:N0}  {times[times.Count / 2],8:F2}");
        }
    }

    private static async Task FanOutAsync(LiveMap map, ProtocolClients clients, DeviceDeltaNotifier notifier, SyntheticFleet fleet, MapBenchOptions options, CancellationToken stop)
    {
        // One in ten connections looks at the world, three at a country, six at a city; every other one speaks MessagePack.
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Connections; i++)
        {
            var (name, zoom) = (i % 10) switch { 0 => Views[0], < 4 => Views[1], _ => Views[2] };
            var connection = $"conn-{i:D4}";
            kinds[connection] = name;
            clients.Use(connection, messagePack: i % 2 == 1);
            await map.JoinAsync(connection, MapAudience.Everyone, Viewport.From(Request(Bounds(name, fleet), zoom)));
        }

        foreach (var (connection, _) in clients.All)
        {
            clients.Of(connection).Reset();
        }

        var window = TimeSpan.FromMilliseconds(new MapOptions().DeltaWindowMilliseconds);
        var perWindow = (int)Math.Round(options.Rate * window.TotalSeconds);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var generating = TimeSpan.Zero;
        var wall = Stopwatch.StartNew();
        var windows = 0;
        var changed = 0L;
        using var ticks = new PeriodicTimer(window);
        while (wall.Elapsed.TotalSeconds < options.Seconds && !stop.IsCancellationRequested && await ticks.WaitForNextTickAsync(stop).AsTask().ContinueWith(t => !t.IsCanceled, TaskScheduler.Default))
        {
            var generator = Stopwatch.StartNew();
            foreach (var delta in fleet.Window(perWindow, DateTimeOffset.UtcNow))
            {
                notifier.Publish(delta);
            }

            generating += generator.Elapsed;
            changed += map.RunWindow();
            windows++;
        }

        process.Refresh();
        var seconds = wall.Elapsed.TotalSeconds;
        var cpu = (process.TotalProcessorTime - cpuBefore - generating).TotalMilliseconds;
        Console.WriteLine();
        Console.WriteLine($"fan-out: {options.Connections} connections, {options.Rate:N0} device changes/s ({changed:N0} coalesced changes in {windows} windows over {seconds:F1} s)");
        Console.WriteLine($"  map CPU (routing + serialisation + GC, generator excluded): {cpu / seconds:F1} ms/s = {cpu / seconds / 10:F1}% of one core; load average {LoadAverage()}");
        Console.WriteLine("  view      connections  messages/s per client  bytes/s per client (mean, max)");
        foreach (var group in kinds.GroupBy(k => k.Value))
        {
            var tallies = group.Select(k => clients.Of(k.Key)).ToList();
            Console.WriteLine($"  {group.Key,-9} {tallies.Count,11} {tallies.Average(t => t.Messages) / seconds,22:F2}  {tallies.Average(t => t.Bytes) / seconds,10:N0} {tallies.Max(t => t.Bytes) / seconds,10:N0}");
        }
    }

    private static (double West, double South, double East, double North) Bounds(string view, SyntheticFleet fleet) => view switch
    {
        "world" => (-180, -85, 180, 85),
        "country" => fleet.CountryView(),
        _ => fleet.CityView(),
    };

    private static ViewportRequest Request((double West, double South, double East, double North) b, double zoom) => new(b.West, b.South, b.East, b.North, zoom);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
