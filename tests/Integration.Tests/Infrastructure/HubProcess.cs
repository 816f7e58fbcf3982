using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>
/// The hub as a child process (the build output of src/Dashboard beside the tests), for what an
/// in-process host cannot show: a real <c>kill -9</c> in the middle of work.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    // Enough for an outage test: a database away for 30 s fills hundreds of lines with the grains' failed writes.
    private const int OutputLinesKept = 3000;

    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private HubProcess(Process process, string dataPath, int httpPort, int mqttPort)
    {
        _process = process;
        DataPath = dataPath;
        MqttPort = mqttPort;
        HttpPort = httpPort;
        Admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HubHost.AdminToken);
    }

    public string DataPath { get; }

    public int MqttPort { get; }

    public int HttpPort { get; }

    public Uri Url => Admin.BaseAddress!;

    public bool HasExited => _process.HasExited;

    /// <summary>The hub's last lines of output (warnings and errors), for a failing test to show.</summary>
    public string RecentOutput => string.Join('\n', _output);

    public HttpClient Admin { get; }

    /// <summary>Resident memory of the hub process, from <c>/proc/{pid}/status</c>.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    public static async Task<HubProcess> StartAsync(string dataPath, IDictionary<string, string>? settings = null, int? httpPort = null, int? mqttPort = null)
    {
        var http = httpPort ?? FreePort.Next();
        var mqtt = mqttPort ?? FreePort.Next();
        var all = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{http}",
            ["Mqtt:Port"] = mqtt.ToString(CultureInfo.InvariantCulture),
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Storage:Path"] = dataPath,
            ["Auth:BootstrapAdminToken"] = HubHost.AdminToken,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IotService.Dashboard.dll"));
        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the hub");
        var hub = new HubProcess(process, dataPath, http, mqtt);
        process.OutputDataReceived += (_, e) => hub.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Eventually.GetAsync(hub.IsHealthyAsync, ok => ok || process.HasExited, TimeSpan.FromSeconds(60), "hub process healthy");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"the hub exited with code {process.ExitCode}");
        }

        return hub;
    }

    /// <summary>SIGTERM, as a service manager stops the hub: it leaves the cluster and flushes; waits until it has exited.</summary>
    public async Task StopAsync()
    {
        await Tools.TerminateAsync(_process, TimeSpan.FromSeconds(60));
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept)
        {
            _output.TryDequeue(out _);
        }
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            return (await Admin.GetAsync("/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
