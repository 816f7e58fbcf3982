using System.Diagnostics;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, stopped (and startable again on the same port and data) by the
/// test, for outages. It keeps an append-only file as production should: hubs that outlive a Redis restart must find
/// their membership rows again.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder;
    private Process? _process;

    private RedisServer(int port, string folder)
    {
        Port = port;
        _folder = folder;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    private string LogFile => Path.Combine(_folder, "redis.log");

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FreePort.Next(), TempFolder.Create("redis"));
        await server.RestartAsync();
        return server;
    }

    public async Task RestartAsync()
    {
        Stop();
        _process = Tools.Start(
            "redis-server", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "yes", "--appendfsync", "everysec", "--dir", _folder, "--protected-mode", "yes",
            // To a file: nobody reads the redirected output, and a full pipe would stop the server.
            "--logfile", LogFile);
        await Eventually.GetAsync(PingsAsync, ok => ok || _process.HasExited, what: $"redis listening on {Port}");
        if (_process.HasExited)
        {
            throw new InvalidOperationException("redis-server exited: " + await File.ReadAllTextAsync(LogFile));
        }
    }

    public void Stop() => Tools.Kill(ref _process);

    public ValueTask DisposeAsync()
    {
        Stop();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<bool> PingsAsync()
    {
        var (exitCode, output) = await Tools.RunAsync("redis-cli", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "ping");
        return exitCode == 0 && output.Contains("PONG", StringComparison.Ordinal);
    }
}
