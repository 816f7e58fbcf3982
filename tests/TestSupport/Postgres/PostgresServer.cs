using System.Collections.Concurrent;
using Npgsql;

namespace IotService.TestSupport.Postgres;

/// <summary>
/// A real PostgreSQL (Debian's, 15 or later) initialised into a fresh temp folder, listening on 127.0.0.1 only on a
/// free port, its unix socket inside that folder, trusting loopback connections. Shared by the PostgreSQL test classes;
/// each class works in a database of its own. Stopped (immediate mode: nothing is kept) and deleted on dispose; a test of
/// an outage stops and starts it in between (<see cref="StopAsync"/>, <see cref="StartAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "postgres";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _databases = new(StringComparer.Ordinal);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "iot-postgres-" + Guid.NewGuid().ToString("N"));
    private PostgresCommands? _commands;
    private int _fresh;

    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    public async Task InitializeAsync()
    {
        _commands = PostgresCommands.Find();
        Directory.CreateDirectory(Path.Combine(_folder, "sockets"));
        await _commands.HandOverAsync(_folder);
        await _commands.RunAsync("initdb", "-D", DataFolder, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        for (var attempt = 1; ; attempt++)
        {
            // Another process may take the probed port before the server binds it: then try another.
            Port = PostgresCommands.FreePort();
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

    /// <summary>Starts the server again on the same port and data after <see cref="StopAsync"/>.</summary>
    public Task StartAsync() => _commands!.RunAsync(
        "pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={Path.Combine(_folder, "sockets")} -c max_connections=300",
        "start");

    /// <summary>Stops the server as an outage would (fast mode: open connections are cut), keeping its data.</summary>
    public async Task StopAsync()
    {
        await _commands!.RunAsync("pg_ctl", "-D", DataFolder, "-m", "fast", "-w", "stop");

        // This process's pooled connections died with the server; the next database call of a test starts afresh.
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser, over TCP on loopback.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>The database called <paramref name="name"/> (a test class's), created on the first call; its connection string.</summary>
    public Task<string> DatabaseAsync(string name) =>
        _databases.GetOrAdd(name.ToLowerInvariant(), key => new Lazy<Task<string>>(() => CreateAsync(key))).Value;

    /// <summary>A new, empty database no other test uses; its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => CreateAsync($"fresh_{Interlocked.Increment(ref _fresh)}");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_commands is { } commands && File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            await commands.RunAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<string> CreateAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }
}
