using IotService.Contracts.Alarms;
using IotService.Storage.Catalogs.Relational;
using IotService.Storage.GrainState;
using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>
/// Alarm rows in the <c>alarms</c> table of the state database: the record as JSON beside indexed copies of the
/// fields lists filter on. Upserts ride the database's group-committing writer.
/// </summary>
public sealed class SqliteAlarmCatalog : IAlarmCatalog
{
    private readonly SqliteDatabase _database;
    private readonly AsyncOnce _schema;

    public SqliteAlarmCatalog(SqliteDatabase database)
    {
        _database = database;
        _schema = new AsyncOnce(() => _database.ExecuteAsync(AlarmCatalogSql.Schema));
    }

    public async Task UpsertAsync(AlarmRecord alarm, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await CatalogCommands.WriteAsync(_database, AlarmTable.Upsert, AlarmTable.Parameters(alarm), cancellationToken).ConfigureAwait(false);
    }

    public async Task<AlarmRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await CatalogCommands.QueryAsync(_database, AlarmTable.Get, [new("@id", id)], CatalogReads.Json<AlarmRecord>, cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<Page<AlarmRecord>> ListAsync(AlarmQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters, limit) = BuildList(query);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await CatalogCommands.QueryAsync(_database, sql, parameters, CatalogReads.Json<AlarmRecord>, cancellationToken).ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, alarm => alarm.Id);
    }

    /// <summary>The list statement of <paramref name="query"/>; internal so tests can check its query plan.</summary>
    internal static (string Sql, List<SqliteParameter> Parameters, int Limit) BuildList(AlarmQuery query)
    {
        var (statement, limit) = AlarmTable.List(query);
        return (statement.ToString(), CatalogCommands.Bind(statement), limit);
    }
}
