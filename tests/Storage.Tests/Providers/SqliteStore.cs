using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Sqlite;
using IotService.Storage.GrainState;
using IotService.Storage.GrainState.Sqlite;
using IotService.Storage.Sqlite;
using IotService.Storage.Tests.GrainState;

namespace IotService.Storage.Tests.Providers;

/// <summary>The SQLite provider over a state file in a fresh temp folder.</summary>
public sealed class SqliteStore : IStoreUnderTest
{
    private readonly TempDatabase _temp = new();

    public SqliteStore()
    {
        Devices = new SqliteDeviceCatalog(Database);
        Documents = new SqliteDocumentCatalog(Database);
        Alarms = new SqliteAlarmCatalog(Database);
        WorkOrders = new SqliteWorkOrderCatalog(Database);
        Dialect = new SqliteStorageDialect(Database);
    }

    public SqliteDatabase Database => _temp.Database;

    public IDeviceCatalog Devices { get; }

    public IDocumentCatalog Documents { get; }

    public IAlarmCatalog Alarms { get; }

    public IWorkOrderCatalog WorkOrders { get; }

    public IRelationalStorageDialect Dialect { get; }

    public IRelationalStorageDialect OpenAnotherDialect() => new SqliteStorageDialect(_temp.Open());

    public ValueTask CloseAsync() => Database.DisposeAsync();

    public ValueTask DisposeAsync() => _temp.DisposeAsync();
}
