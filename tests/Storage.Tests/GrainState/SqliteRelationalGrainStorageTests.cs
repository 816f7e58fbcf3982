using IotService.Storage.Tests.Providers;

namespace IotService.Storage.Tests.GrainState;

public sealed class SqliteRelationalGrainStorageTests : RelationalGrainStorageContract
{
    protected override Task<IStoreUnderTest> OpenStoreAsync() => Task.FromResult<IStoreUnderTest>(new SqliteStore());
}
