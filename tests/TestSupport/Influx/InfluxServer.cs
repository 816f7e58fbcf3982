using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace IotService.TestSupport.Influx;

/// <summary>
/// A real <c>influxd</c> (Debian's 1.6) on free loopback ports, with its meta, data and WAL in a temp
/// folder. Shared by the Influx test classes; each test uses its own database. Can be stopped and
/// started again on the same port and data, for tests of an outage.
/// </summary>
public sealed class InfluxServer : IAsyncLifetime
{
    public const string Influxd = "/usr/bin/influxd";
    private const int SigTerm = 15;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iot-influx-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<string> _output = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly bool _authEnabled;
    private Process? _process;
    private int _databases;

    public InfluxServer()
        : this(authEnabled: false)
    {
    }

    /// <summary>With authentication on, the first user must be created as an administrator (<see cref="InfluxServerHttp.ExecuteAsync"/>).</summary>
    private InfluxServer(bool authEnabled) => _authEnabled = authEnabled;

    /// <summary>A server with authentication on (xunit fixtures may have only one public constructor).</summary>
    public static InfluxServer WithAuthentication() => new(authEnabled: true);

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    private string ConfigPath => Path.Combine(_folder, "influxdb.conf");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Influxd))
        {
            throw new InvalidOperationException($"{Influxd} is missing; ./test.sh installs it (apt packages influxdb, influxdb-client).");
        }

        System.IO.Directory.CreateDirectory(_folder);
        for (var attempt = 1; ; attempt++)
        {
            // Another process may take a probed port before influxd binds it: then try other ports.
            Port = FreePort();
            await File.WriteAllTextAsync(ConfigPath, InfluxConfig.Create(_folder, Port, FreePort(), _authEnabled));
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>A database name no other test uses.</summary>
    public string NewDatabase() => $"test_{Interlocked.Increment(ref _databases)}";

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo(Influxd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-config");
        info.ArgumentList.Add(ConfigPath);
        var process = Process.Start(info) ?? throw new InvalidOperationException("influxd did not start");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (!await PingsAsync())
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                await StopAsync();
                throw new InvalidOperationException($"influxd did not answer /ping on port {Port}:\n{string.Join('\n', _output)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGTERM, as a service manager would; SIGKILL if it takes longer than 10 s.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            _ = Kill(process.Id, SigTerm);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        _http.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"{Url}/ping"));
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 50 && _output.TryDequeue(out _))
        {
        }
    }

    // LibraryImport would need unsafe code enabled in the test project; this signature needs no marshalling.
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
