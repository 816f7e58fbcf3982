using System.Diagnostics;
using System.Net.Sockets;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>A real Mosquitto broker on a free loopback port, stopped (and startable again on the same port) by the test.</summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    private readonly string _config;
    private Process? _process;

    private MosquittoServer(int port, string config)
    {
        Port = port;
        _config = config;
    }

    public int Port { get; }

    public static async Task<MosquittoServer> StartAsync()
    {
        var port = FreePort.Next();
        var folder = TempFolder.Create("mosquitto");
        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n");
        var server = new MosquittoServer(port, config);
        await server.RestartAsync();
        return server;
    }

    public async Task RestartAsync()
    {
        Stop();
        _process = Tools.Start("mosquitto", "-c", _config);
        await Eventually.GetAsync(CanConnectAsync, ok => ok || _process.HasExited, what: $"mosquitto listening on {Port}");
        if (_process.HasExited)
        {
            throw new InvalidOperationException("mosquitto exited: " + await _process.StandardError.ReadToEndAsync());
        }
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> CanConnectAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
