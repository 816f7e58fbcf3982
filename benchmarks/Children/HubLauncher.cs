using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using IotService.Benchmarks.Load;
using IotService.Benchmarks.Seed;
using IotService.Benchmarks.Sweep;
using IotService.Storage.History.Sqlite;

namespace IotService.Benchmarks.Children;

/// <summary>
/// Starts the hub's Release build on free loopback ports with a fresh data folder — holding a copy of the seeded
/// history file when <c>--storage-path</c> names one, so every run starts from the same 50 M readings and the seed
/// itself is never modified.
/// </summary>
public static class HubLauncher
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromMinutes(3);

    public static async Task<TargetServer> StartAsync(SweepOptions o, TimeSpan bound, CancellationToken stop)
    {
        if (!File.Exists(o.HubDll))
        {
            throw new ArgumentException($"{o.HubDll} is missing: dotnet build src/Dashboard -c Release (or pass --hub-dll).");
        }

        var manifest = o.StoragePath is null ? null : SeedManifest.Read(o.StoragePath);
        var folder = Directory.CreateTempSubdirectory("iot-sweep-hub-");
        try
        {
            if (o.StoragePath is not null)
            {
                CopySeed(o.StoragePath, folder.FullName);
            }
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }

        var ports = FreePorts.Take(4).Select(p => p.ToString(CultureInfo.InvariantCulture)).ToArray();
        var api = $"http://127.0.0.1:{ports[0]}";
        var token = "sweep-" + Guid.NewGuid().ToString("N");
        string[] arguments =
        [
            o.HubDll, "--Demo:Enabled=false", $"--Auth:BootstrapAdminToken={token}", $"--Urls={api}", $"--Mqtt:Port={ports[1]}",
            $"--Orleans:SiloPort={ports[2]}", $"--Orleans:GatewayPort={ports[3]}", $"--Storage:Path={folder.FullName}",
            "--Logging:LogLevel:Default=Warning", "--Ingest:MaxMessagesPerSecondPerDevice=0", .. o.HubArgs.Select(a => "--" + a),
        ];
        var child = await ChildProcess.StartAsync("hub", "dotnet", arguments, bound + StartWithin);
        var load = new LoadOptions("127.0.0.1", int.Parse(ports[1], CultureInfo.InvariantCulture), api, token, o.Connections, 0, o.Qos, o.Values,
            Relay: false, DevicePrefix: manifest?.DevicePrefixFor(o.Connections, o.Values), Anomaly: o.Anomaly);
        var hub = new TargetServer("hub", child, load, folder);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(api), Timeout = TimeSpan.FromSeconds(5) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await Readiness.WaitAsync(child, async () => (await http.GetAsync("/api/ingest/stats", stop)).IsSuccessStatusCode, StartWithin, stop);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    private static void CopySeed(string seeded, string folder)
    {
        var clock = Stopwatch.StartNew();
        var file = SqliteHistoryServiceCollectionExtensions.FileName;
        foreach (var name in new[] { file, file + "-wal" }.Where(n => File.Exists(Path.Combine(seeded, n))))
        {
            File.Copy(Path.Combine(seeded, name), Path.Combine(folder, name));
        }

        Console.WriteLine($"copied the seeded history ({HistorySeeder.FileBytes(Path.Combine(folder, file)) / 1e9:F2} GB) in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
