using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IotService.Benchmarks.Cli;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Benchmarks.WebConsole;

/// <summary>
/// The dispatcher console as a person gets it, in headless Chromium (software WebGL) against a running hub, e.g. one
/// started with <c>--Demo:Enabled=true --Demo:Devices=100000</c>: time from pressing "Sign in" until the list shows
/// rows and the map has drawn its first snapshot; the live traffic the browser receives at the opening (world) view;
/// then, with the map on one city, the time from publishing a reading over MQTT until the device's row shows it (the
/// row and the marker apply the same <c>deviceDeltas</c> message in the same task).
/// <c>console [--url http://127.0.0.1:5080] [--mqtt-port 1883] [--user dispatcher] [--password demo]
/// [--admin admin] [--readings 60] [--interval-ms 500] [--watch-seconds 20] [--lat 31.23] [--lon 121.47]</c>
/// </summary>
public static class ConsoleBenchmark
{
    private const string Model = "chiller-cx200";
    private const string Property = "supply_water_temp";

    public static async Task<int> RunAsync(string[] args, CancellationToken stop)
    {
        var line = Arguments.Parse(args);
        var url = line.Get("url", "http://127.0.0.1:5080").TrimEnd('/');
        var password = line.Get("password", "demo");
        var (deviceId, secret) = await RegisterDeviceAsync(url, line.Get("admin", "admin"), password, line.Double("lat", 31.23), line.Double("lon", 121.47));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        page.SetDefaultTimeout(60_000);
        long received = 0;
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => Interlocked.Add(ref received, frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? ""));

        await page.GotoAsync(url + "/login");
        await page.FillAsync("input[name=username]", line.Get("user", "dispatcher"));
        await page.FillAsync("input[name=password]", password);
        var signIn = Stopwatch.StartNew();
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".device-list [data-device-id]").First.WaitForAsync();
        var listed = signIn.Elapsed;
        await page.WaitForFunctionAsync("() => { const m = document.querySelector('.map[data-map-ready=true]'); return m && (m.dataset.devicesInView !== '0' || m.dataset.clusters !== '0'); }", null, new() { PollingInterval = 10 });
        var drawn = signIn.Elapsed;
        Console.WriteLine($"console: rows after {listed.TotalMilliseconds:F0} ms, map drawn after {drawn.TotalMilliseconds:F0} ms from pressing Sign in ({await MapSummaryAsync(page)})");

        var watchSeconds = line.Int("watch-seconds", 20);
        var before = Interlocked.Read(ref received);
        await Task.Delay(TimeSpan.FromSeconds(watchSeconds), stop);
        Console.WriteLine($"console: {(Interlocked.Read(ref received) - before) / 1024.0 / watchSeconds:F1} KB/s received over the live connection at the opening view ({watchSeconds} s)");

        // Open the device: the map flies to it (zoom 10, a city), the row is watched.
        await page.FillAsync("input[name=search]", deviceId);
        var row = page.Locator($".device-list [data-device-id='{deviceId}']");
        await row.ClickAsync();
        await Task.Delay(3000, stop);
        Console.WriteLine($"console: city view ({await MapSummaryAsync(page)})");

        using var client = new MqttClientFactory().CreateMqttClient();
        var port = line.Int("mqtt-port", 1883);
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(deviceId).WithCredentials(deviceId, secret).Build(), stop);
        var latencies = new List<double>();
        var readings = line.Int("readings", 60);
        var interval = TimeSpan.FromMilliseconds(line.Int("interval-ms", 500));
        for (var i = 1; latencies.Count < readings && !stop.IsCancellationRequested; i++)
        {
            if (i % 10 == 0)
            {
                continue; // 5.1 would be written "5.1", a prefix of the next values: keep every value's text unique.
            }

            var value = 5 + (i % 500 / 100.0);
            var text = value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic($"devices/{deviceId}/telemetry")
                .WithPayload("{\"values\":{\"" + Property + "\":" + text + "}}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), stop);
            var shown = await page.WaitForFunctionAsync(
                "([id, text]) => { const r = document.querySelector(`.device-list [data-device-id='${id}']`); return r && r.textContent.includes(text) ? Date.now() : false; }",
                new object[] { deviceId, text },
                new() { Timeout = 10_000 });
            latencies.Add(await shown.JsonValueAsync<double>() - sent);
            await Task.Delay(interval, stop);
        }

        latencies.Sort();
        Console.WriteLine($"console: reading -> row, {latencies.Count} readings: p50 {Percentile(latencies, 0.5):F0} ms, p99 {Percentile(latencies, 0.99):F0} ms, max {latencies[^1]:F0} ms");
        await client.DisconnectAsync(cancellationToken: CancellationToken.None);
        return 0;
    }

    private static async Task<string> MapSummaryAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => { const m = document.querySelector('.map'); return `${m.dataset.devicesInView} devices and ${m.dataset.clusters} clusters drawn`; }");

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<(string Id, string Secret)> RegisterDeviceAsync(string url, string admin, string password, double lat, double lon)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { username = admin, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var id = $"bench-console-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}";
        var created = await http.PostAsJsonAsync("/api/devices", new { id, modelId = Model, location = new { lat, lon } });
        created.EnsureSuccessStatusCode();
        return (id, (await created.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>());
    }
}
