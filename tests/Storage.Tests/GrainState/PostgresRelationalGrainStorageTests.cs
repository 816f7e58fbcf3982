using IotService.Storage.Tests.Postgres;
using IotService.Storage.Tests.Providers;
using IotService.TestSupport.Postgres;

namespace IotService.Storage.Tests.GrainState;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRelationalGrainStorageTests(PostgresServer server) : RelationalGrainStorageContract
{
    protected override async Task<IStoreUnderTest> OpenStoreAsync() => await PostgresStore.OpenAsync(server, nameof(PostgresRelationalGrainStorageTests));
}
