using IotService.Storage.Tests.Postgres;
using IotService.Storage.Tests.Providers;
using IotService.TestSupport.Postgres;

namespace IotService.Storage.Tests.Catalogs;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAlarmCatalogTests(PostgresServer server) : AlarmCatalogContract
{
    protected override async Task<IStoreUnderTest> OpenStoreAsync() => await PostgresStore.OpenAsync(server, nameof(PostgresAlarmCatalogTests));
}
