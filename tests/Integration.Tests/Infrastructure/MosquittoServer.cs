using System.Diagnostics;
using System.Net.Sockets;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>
/// A real Mosquitto broker on a free loopback port, stopped (and startable again on the same port) by the test.
/// Anonymous by default; <see cref="StartWithDynamicSecurityAsync"/> runs the dynamic-security plugin instead.
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    private const string PluginFile = "mosquitto_dynamic_security.so";

    private readonly string _config;
    private Process? _process;

    private MosquittoServer(int port, string config, string? adminPassword)
    {
        Port = port;
        _config = config;
        AdminPassword = adminPassword;
    }

    public int Port { get; }

    /// <summary>The dynamic-security admin, as <c>mosquitto_ctrl dynsec init</c> creates it.</summary>
    public string AdminUsername => "iot-admin";

    /// <summary>Null when the broker is anonymous.</summary>
    public string? AdminPassword { get; }

    /// <param name="persistent">Sessions and queued messages saved when Mosquitto stops and restored when it starts.</param>
    public static async Task<MosquittoServer> StartAsync(bool persistent = false)
    {
        var port = FreePort.Next();
        var folder = TempFolder.Create("mosquitto");
        var config = Path.Combine(folder, "mosquitto.conf");
        var persistence = persistent ? $"persistence true\npersistence_location {folder}/" : "persistence false";

        // As root, Mosquitto would switch to its own user, which may not write in our folder; see below.
        await File.WriteAllTextAsync(config, $"listener {port} 127.0.0.1\nallow_anonymous true\n{persistence}\nuser {Environment.UserName}\nlog_dest file {folder}/mosquitto.log\n");
        return await StartedAsync(new MosquittoServer(port, config, adminPassword: null));
    }

    /// <summary>No anonymous access; the plugin's configuration holds only the admin, whose role may use the control API.</summary>
    public static async Task<MosquittoServer> StartWithDynamicSecurityAsync()
    {
        var port = FreePort.Next();
        var folder = TempFolder.Create("mosquitto");
        var dynsec = Path.Combine(folder, "dynamic-security.json");
        var server = new MosquittoServer(port, Path.Combine(folder, "mosquitto.conf"), Guid.NewGuid().ToString("N"));
        var (exitCode, output) = await Tools.RunAsync("mosquitto_ctrl", "dynsec", "init", dynsec, server.AdminUsername, server.AdminPassword!);
        if (exitCode != 0)
        {
            throw new InvalidOperationException("mosquitto_ctrl dynsec init failed: " + output);
        }

        // Run as root, Mosquitto switches to its own user, which could not save the plugin's changes in our folder:
        // naming the current user keeps it (and is ignored when not root).
        await File.WriteAllTextAsync(server._config, $"""
            listener {port} 127.0.0.1
            allow_anonymous false
            # Sessions and queued messages survive a restart (saved when Mosquitto stops), as in production.
            persistence true
            persistence_location {folder}/
            # A hub's session keeps what the broker assigned it while the hub is away (docs/operations.md); the
            # default of 1,000 messages would drop the rest of a killed hub's share, acknowledged to the devices.
            max_queued_messages 1000000
            user {Environment.UserName}
            # To a file: nobody reads the redirected output, and a full pipe would stop the broker.
            log_dest file {folder}/mosquitto.log
            plugin {FindPlugin()}
            plugin_opt_config_file {dynsec}

            """);
        return await StartedAsync(server);
    }

    private static async Task<MosquittoServer> StartedAsync(MosquittoServer server)
    {
        await server.RestartAsync();
        return server;
    }

    private static string FindPlugin()
        => Directory.GetDirectories("/usr/lib").Prepend("/usr/lib").Select(d => Path.Combine(d, PluginFile)).FirstOrDefault(File.Exists)
           ?? throw new InvalidOperationException($"{PluginFile} is not installed; ./test.sh installs it (apt package mosquitto).");

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

    /// <summary>SIGTERM: Mosquitto saves its sessions and queued messages, then exits; <see cref="RestartAsync"/> starts it again.</summary>
    public async Task StopGracefullyAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        await Tools.TerminateAsync(process, TimeSpan.FromSeconds(30));
    }

    public void Stop() => Tools.Kill(ref _process);

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
