using IotService.Storage.Catalogs;
using IotService.Storage.Catalogs.Postgres;
using IotService.Storage.GrainState;
using IotService.Storage.GrainState.Postgres;
using IotService.Storage.Postgres;
using IotService.TestSupport.Postgres;
using Npgsql;

namespace IotService.Storage.Tests.Providers;

/// <summary>
/// The PostgreSQL provider over its test class's database, migrated and emptied (every table truncated) before each
/// test, so the tests of a class stay independent of each other.
/// </summary>
public sealed class PostgresStore : IStoreUnderTest
{
    private readonly string _connectionString;
    private readonly List<PostgresDatabase> _opened = [];

    private PostgresStore(string connectionString)
    {
        _connectionString = connectionString;
        Database = Open();
        Devices = new PostgresDeviceCatalog(Database);
        Documents = new PostgresDocumentCatalog(Database);
        Alarms = new PostgresAlarmCatalog(Database);
        WorkOrders = new PostgresWorkOrderCatalog(Database);
        Dialect = new PostgresStorageDialect(Database);
    }

    public PostgresDatabase Database { get; }

    public IDeviceCatalog Devices { get; }

    public IDocumentCatalog Documents { get; }

    public IAlarmCatalog Alarms { get; }

    public IWorkOrderCatalog WorkOrders { get; }

    public IRelationalStorageDialect Dialect { get; }

    /// <param name="testClass">Names the database; the tests of one class share it, one after another.</param>
    public static async Task<PostgresStore> OpenAsync(PostgresServer server, string testClass)
    {
        var store = new PostgresStore(await server.DatabaseAsync(testClass));
        await store.Database.EnsureMigratedAsync();
        await using var connection = await store.Database.OpenAsync();
        await using var truncate = new NpgsqlCommand("TRUNCATE grain_state, documents, devices, alarms, work_orders;", connection);
        await truncate.ExecuteNonQueryAsync();
        return store;
    }

    public IRelationalStorageDialect OpenAnotherDialect() => new PostgresStorageDialect(Open());

    public ValueTask CloseAsync() => Database.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Another <see cref="PostgresDatabase"/> with a pool of its own, as another hub has.</summary>
    public PostgresDatabase Open()
    {
        var database = new PostgresDatabase(Microsoft.Extensions.Options.Options.Create(new PostgresOptions { ConnectionString = _connectionString }));
        _opened.Add(database);
        return database;
    }
}
