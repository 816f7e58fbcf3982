using IotService.Storage.Tests.Providers;

namespace IotService.Storage.Tests.Catalogs;

public sealed class SqliteDeviceCatalogTests : DeviceCatalogContract
{
    protected override Task<IStoreUnderTest> OpenStoreAsync() => Task.FromResult<IStoreUnderTest>(new SqliteStore());
}
