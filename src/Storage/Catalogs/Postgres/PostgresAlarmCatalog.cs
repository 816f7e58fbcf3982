using IotService.Contracts.Alarms;
using IotService.Storage.Catalogs.Relational;
using IotService.Storage.Postgres;

namespace IotService.Storage.Catalogs.Postgres;

/// <summary>
/// Alarm rows in the <c>alarms</c> table of the <see cref="PostgresDatabase"/>: the record as JSON beside indexed copies
/// of the fields lists filter on.
/// </summary>
public sealed class PostgresAlarmCatalog(PostgresDatabase database) : IAlarmCatalog
{
    public Task UpsertAsync(AlarmRecord alarm, CancellationToken cancellationToken = default) =>
        PostgresCommands.ExecuteAsync(database, AlarmTable.Upsert, AlarmTable.Parameters(alarm), cancellationToken);

    public async Task<AlarmRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var rows = await PostgresCommands.QueryAsync(database, AlarmTable.Get, [("@id", id)], CatalogReads.Json<AlarmRecord>, cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<Page<AlarmRecord>> ListAsync(AlarmQuery query, CancellationToken cancellationToken = default)
    {
        var (statement, limit) = AlarmTable.List(query);
        var rows = await PostgresCommands.QueryAsync(database, statement.ToString(), statement.Parameters, CatalogReads.Json<AlarmRecord>, cancellationToken)
            .ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, alarm => alarm.Id);
    }
}
