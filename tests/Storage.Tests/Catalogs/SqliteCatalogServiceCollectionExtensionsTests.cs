using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static IotService.Storage.Tests.Catalogs.Summaries;

namespace IotService.Storage.Tests.Catalogs;

public sealed class SqliteCatalogServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("iot-catalog-di-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AddSqliteCatalogStoresEveryCatalogInTheStateFileUnderTheConfiguredPath()
    {
        var dataPath = Path.Combine(_folder, "data");
        var services = new ServiceCollection()
            .Configure<StorageOptions>(o => o.Path = dataPath)
            .AddSqliteCatalog()
            .BuildServiceProvider();
        await using (services)
        {
            await services.GetRequiredService<IDeviceCatalog>().UpsertAsync(Device(1));
            await services.GetRequiredService<IDocumentCatalog>().UpsertAsync(DocumentKinds.Customer, "c-1", "{}", T0);
            var alarm = CatalogSamples.Alarm(1);
            await services.GetRequiredService<IAlarmCatalog>().UpsertAsync(alarm);
            var order = CatalogSamples.Order(1);
            await services.GetRequiredService<IWorkOrderCatalog>().UpsertAsync(order);

            Assert.IsType<SqliteAlarmCatalog>(services.GetRequiredService<IAlarmCatalog>());
            Assert.IsType<SqliteWorkOrderCatalog>(services.GetRequiredService<IWorkOrderCatalog>());
            Assert.Same(services.GetRequiredService<IAlarmCatalog>(), services.GetRequiredService<IAlarmCatalog>());
            Assert.Same(services.GetRequiredService<IWorkOrderCatalog>(), services.GetRequiredService<IWorkOrderCatalog>());
            Assert.Equal(alarm.Id, (await services.GetRequiredService<IAlarmCatalog>().GetAsync(alarm.Id))?.Id);
            Assert.Equal(order.Id, (await services.GetRequiredService<IWorkOrderCatalog>().GetAsync(order.Id))?.Id);

            Assert.Same(services.GetRequiredService<IDeviceCatalog>(), services.GetRequiredService<IDeviceCatalog>());
            Assert.Equal(Path.Combine(dataPath, "state.db"), services.GetRequiredService<SqliteDatabase>().FilePath);
            Assert.True(File.Exists(Path.Combine(dataPath, "state.db")));
        }
    }
}
