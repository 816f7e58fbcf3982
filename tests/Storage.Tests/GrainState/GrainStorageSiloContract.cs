using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotService.Storage.Tests.GrainState;

/// <summary>A grain's persistent state through a silo's registered storage, on SQLite and on PostgreSQL alike.</summary>
public abstract class GrainStorageSiloContract : IDisposable
{
    /// <summary>The provider name <see cref="CounterGrain"/> asks for.</summary>
    protected const string ProviderName = "state";

    protected string Folder { get; } = Directory.CreateTempSubdirectory("iot-silo-storage-").FullName;

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task PersistentStateWrittenInOneSiloIsReadByTheNextSiloOnTheSameDatabase()
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

    /// <summary>Sets the provider's configuration (<c>Storage:Provider</c> and what it needs).</summary>
    protected abstract Task ConfigureAsync(HostApplicationBuilder builder);

    /// <summary>Registers the provider's grain storage as <see cref="ProviderName"/>.</summary>
    protected abstract void AddGrainStorage(ISiloBuilder silo);

    /// <summary>(grain_type, grain_id) of every row of the grain_state table.</summary>
    protected abstract Task<List<(string GrainType, string GrainId)>> StoredKeysAsync();

    private async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Storage:Path"] = Path.Combine(Folder, "data");
        await ConfigureAsync(builder);
        builder.AddStorage();
        builder.UseOrleans(silo => AddGrainStorage(silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: FreePort())));
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
