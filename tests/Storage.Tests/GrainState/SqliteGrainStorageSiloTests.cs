using System.Net;
using System.Net.Sockets;
using IotService.Storage.GrainState.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotService.Storage.Tests.GrainState;

public sealed class SqliteGrainStorageSiloTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iot-silo-storage-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PersistentStateWrittenInOneSiloIsReadByTheNextSiloOnTheSameFile()
    {
        using (var first = await StartSiloAsync())
        {
            var counter = first.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("dev-0001");
            await counter.Add(2);
            Assert.Equal(5, await counter.Add(3));
            await first.StopAsync();
        }

        Assert.Equal([("counter/counter", "dev-0001")], await StoredKeysAsync());

        using var second = await StartSiloAsync();
        var restored = second.Services.GetRequiredService<IGrainFactory>().GetGrain<ICounterGrain>("dev-0001");
        Assert.Equal(5, await restored.Get());
        await second.StopAsync();
    }

    private async Task<List<(string GrainType, string GrainId)>> StoredKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "data", "state.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type, grain_id FROM grain_state;";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            keys.Add((reader.GetString(0), reader.GetString(1)));
        }

        return keys;
    }

    private async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Storage:Path"] = Path.Combine(_folder, "data");
        builder.AddStorage();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())
            .AddSqliteGrainStorage("sqlite"));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
