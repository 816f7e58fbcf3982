using IotService.Storage.Catalogs.Relational;
using IotService.Storage.Postgres;

namespace IotService.Storage.Catalogs.Postgres;

/// <summary>
/// The reads and writes of a table that keeps each record as JSON beside copies of the fields lists filter on
/// (alarms, work orders): upsert, get by id, and a newest-first keyset page.
/// </summary>
internal sealed class PostgresJsonRecords<T>(
    PostgresDatabase database, string upsertSql, string getSql, Func<T, (string Name, object? Value)[]> parameters, Func<T, string> idOf)
{
    public Task UpsertAsync(T record, CancellationToken cancellationToken) =>
        PostgresCommands.ExecuteAsync(database, upsertSql, parameters(record), cancellationToken);

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await PostgresCommands.QueryAsync(database, getSql, [("@id", id)], CatalogReads.Json<T>, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? default : rows[0];
    }

    public async Task<Page<T>> ListAsync((SqlStatement Statement, int Limit) list, CancellationToken cancellationToken)
    {
        var rows = await PostgresCommands.QueryAsync(database, list.Statement.ToString(), list.Statement.Parameters, CatalogReads.Json<T>, cancellationToken)
            .ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, list.Limit, idOf);
    }
}
