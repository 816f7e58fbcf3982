using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotService.Benchmarks.Cli;
using Microsoft.AspNetCore.SignalR.Client;

namespace IotService.Benchmarks.Map;

/// <summary>
/// Real SignalR clients against a running hub (e.g. <c>--Demo:Enabled=true --Demo:Devices=100000</c>): the hub
/// process's CPU is read from <c>/proc/&lt;pid&gt;/stat</c> for a quiet spell without clients, then with the clients
/// connected, each with its own viewport (one in ten the world, three a country, six a city around a device of the
/// fleet; JSON, as the browser speaks it); the difference is what the live map costs the hub, sockets included. Also the
/// messages and bytes each kind of client received per second.
/// <c>map-clients --pid &lt;hub pid&gt; [--url http://127.0.0.1:5080] [--clients 200] [--seconds 60] [--user dispatcher] [--password demo]</c>
/// </summary>
public static class MapClientsBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken stop)
    {
        var line = Arguments.Parse(args);
        var url = line.Get("url", "http://127.0.0.1:5080").TrimEnd('/');
        var pid = line.Int("pid", 0);
        var count = line.Int("clients", 200);
        var seconds = line.Int("seconds", 60);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { username = line.Get("user", "dispatcher"), password = line.Get("password", "demo") }, stop);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>(stop))!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var places = await PlacesAsync(http, stop);

        var idle = await HubCpuAsync(pid, seconds / 2, stop);
        Console.WriteLine($"map-clients: hub at rest (simulator running, no map clients): {idle:F1}% of one core; load average {LoadAverage()}");

        var clients = new List<(string Kind, HubConnection Connection, Tally Tally)>();
        for (var i = 0; i < count; i++)
        {
            var kind = (i % 10) switch { 0 => "world", < 4 => "country", _ => "city" };
            var connection = new HubConnectionBuilder().WithUrl(url + "/hubs/map", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token)).Build();
            var tally = new Tally();
            foreach (var method in new[] { "viewportSnapshot", "viewportClusters", "deviceDeltas", "technicianDeltas", "alarm", "workOrder", "notification", "ready" })
            {
                connection.On(method, [typeof(JsonElement)], (payload, _) => tally.Add(payload[0]), tally);
            }

            await connection.StartAsync(stop);
            var (lat, lon) = places[i % places.Count];
            var view = kind switch
            {
                "world" => new { west = -180.0, south = -85.0, east = 180.0, north = 85.0, zoom = 1.5 },
                "country" => new { west = lon - 6, south = lat - 4, east = lon + 6, north = lat + 4, zoom = 5.0 },
                _ => new { west = lon - 0.3, south = lat - 0.2, east = lon + 0.3, north = lat + 0.2, zoom = 10.0 },
            };
            await connection.InvokeAsync("JoinViewport", view, stop);
            clients.Add((kind, connection, tally));
        }

        foreach (var (_, _, tally) in clients)
        {
            tally.Reset();
        }

        var busy = await HubCpuAsync(pid, seconds, stop);
        Console.WriteLine($"map-clients: {count} clients connected: hub {busy:F1}% of one core, so the map costs {busy - idle:F1}% of one core; load average {LoadAverage()}");
        Console.WriteLine("  view      clients  messages/s per client  KB/s per client (mean, max; payload as decoded JSON)");
        foreach (var group in clients.GroupBy(c => c.Kind))
        {
            var tallies = group.Select(c => c.Tally).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-9} {tallies.Count,7} {tallies.Average(t => t.Messages) / seconds,22:F2}  {tallies.Average(t => t.Bytes) / 1024.0 / seconds,8:F2} {tallies.Max(t => t.Bytes) / 1024.0 / seconds,8:F2}"));
        }

        foreach (var (_, connection, _) in clients)
        {
            await connection.DisposeAsync();
        }

        return 0;
    }

    /// <summary>Where the fleet is: positions of devices from the list, so city and country views hold devices.</summary>
    private static async Task<List<(double Lat, double Lon)>> PlacesAsync(HttpClient http, CancellationToken stop)
    {
        var page = await http.GetFromJsonAsync<JsonObject>("/api/devices?limit=500", stop);
        var places = page!["items"]!.AsArray()
            .Select(d => d!["location"])
            .OfType<JsonObject>()
            .Select(l => (l["lat"]!.GetValue<double>(), l["lon"]!.GetValue<double>()))
            .ToList();
        return places.Count > 0 ? places : [(31.23, 121.47)];
    }

    /// <summary>The hub's CPU over <paramref name="seconds"/>, as a percentage of one core.</summary>
    private static async Task<double> HubCpuAsync(int pid, int seconds, CancellationToken stop)
    {
        var before = Ticks(pid);
        await Task.Delay(TimeSpan.FromSeconds(seconds), stop);
        return (Ticks(pid) - before) / 100.0 / seconds * 100;
    }

    /// <summary>utime + stime of the process, in clock ticks (100 a second on Linux).</summary>
    private static long Ticks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private sealed class Tally
    {
        private long _messages;
        private long _bytes;

        public long Messages => Interlocked.Read(ref _messages);

        public long Bytes => Interlocked.Read(ref _bytes);

        public Task Add(object? payload)
        {
            Interlocked.Increment(ref _messages);
            Interlocked.Add(ref _bytes, payload is JsonElement e ? e.GetRawText().Length : 0);
            return Task.CompletedTask;
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _messages, 0);
            Interlocked.Exchange(ref _bytes, 0);
        }
    }
}
