using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Postgres;
using IotService.Storage.Postgres;
using IotService.TestSupport.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Postgres;

/// <summary><c>AddStorage</c> with <c>Storage:Provider=postgres</c>: what it registers, what it refuses, what it leaves on disk.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStorageHostingTests(PostgresServer server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iot-postgres-hosting-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task PostgresProviderWithoutAConnectionStringRefusesToStartAndSaysWhatIsMissing()
    {
        using var host = Build(connectionString: null);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ConnectionStrings:Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresProviderKeepsTheCatalogsInTheDatabaseMigratedAtStartAndMakesNoStateFile()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var host = Build(connectionString);
        await host.StartAsync();

        var documents = host.Services.GetRequiredService<IDocumentCatalog>();
        await documents.UpsertAsync(DocumentKinds.Customer, "c-1", """{"name":"Huadong"}""", T0);
        await host.Services.GetRequiredService<IDeviceCatalog>().UpsertAsync(Device(1));

        Assert.IsType<PostgresDocumentCatalog>(documents);
        Assert.IsType<PostgresDeviceCatalog>(host.Services.GetRequiredService<IDeviceCatalog>());
        Assert.IsType<PostgresAlarmCatalog>(host.Services.GetRequiredService<IAlarmCatalog>());
        Assert.IsType<PostgresWorkOrderCatalog>(host.Services.GetRequiredService<IWorkOrderCatalog>());
        Assert.Empty(await new PostgresMigrator(host.Services.GetRequiredService<PostgresDatabase>().DataSource, TimeProvider.System, NullLogger.Instance)
            .MigrateAsync(PostgresMigrations.All, default));
        Assert.Equal("""{"name":"Huadong"}""", await documents.GetAsync(DocumentKinds.Customer, "c-1"));
        Assert.False(File.Exists(Path.Combine(_folder, "data", "state.db")));
        await host.StopAsync();
    }

    [Fact]
    public void AnUnknownProviderIsRefusedWithTheValuesThatAreKnown()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Storage:Provider"] = "mysql";

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddStorage());

        Assert.Contains("'sqlite'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'postgres'", error.Message, StringComparison.Ordinal);
    }

    private IHost Build(string? connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Storage:Provider"] = "postgres";
        builder.Configuration["Storage:Path"] = Path.Combine(_folder, "data");
        builder.Configuration["ConnectionStrings:Postgres"] = connectionString;
        builder.AddStorage();
        return builder.Build();
    }
}
