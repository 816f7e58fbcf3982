using System.Text;
using IotService.Storage.GrainState;
using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace IotService.Storage.Catalogs.Sqlite;

/// <summary>
/// Device summaries in the <c>devices</c> table of the state database. Upserts ride the database's
/// group-committing writer, so thousands per second cost a handful of commits.
/// </summary>
public sealed class SqliteDeviceCatalog : IDeviceCatalog
{
    private readonly SqliteDatabase _database;
    private readonly AsyncOnce _schema;

    public SqliteDeviceCatalog(SqliteDatabase database)
    {
        _database = database;
        _schema = new AsyncOnce(CreateSchemaAsync);
    }

    public Task UpsertAsync(DeviceSummary summary, CancellationToken cancellationToken = default) =>
        UpsertManyAsync([summary], cancellationToken);

    public async Task UpsertManyAsync(IReadOnlyList<DeviceSummary> summaries, CancellationToken cancellationToken = default)
    {
        if (summaries.Count == 0)
        {
            return;
        }

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _database.WriteAsync(
            (connection, transaction) =>
            {
                using var upsert = DeviceSummaryRow.CreateUpsert(connection, transaction);
                foreach (var summary in summaries)
                {
                    DeviceSummaryRow.Bind(upsert, summary);
                    upsert.ExecuteNonQuery();
                }

                return summaries.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeviceSummary?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DeviceCatalogSql.Get, [new("@id", id)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<DeviceSummary?> FindByActivationCodeAsync(string activationCode, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DeviceCatalogSql.FindByActivationCode, [new("@code", activationCode)], cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<DeviceSummary>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await QueryAsync(DeviceCatalogSql.ChangedSince, [new("@since", since.ToUnixTimeMilliseconds())], cancellationToken)
            .ConfigureAwait(false);

    public async Task<Page<DeviceSummary>> ListAsync(DeviceQuery query, CancellationToken cancellationToken = default)
    {
        var after = KeysetCursor.Decode(query.Cursor);
        var limit = KeysetCursor.ClampLimit(query.Limit);
        var sql = new StringBuilder(DeviceCatalogSql.ListPrefix);
        List<SqliteParameter> parameters = [new("@after", after), new("@limit", limit + 1)];
        SqlFilters.AddIn(sql, parameters, "severity", query.Severities?.Select(severity => (int)severity));
        SqlFilters.AddIn(sql, parameters, "status", query.Statuses?.Select(status => (int)status));
        SqlFilters.AddEquals(sql, parameters, "customer_id", query.CustomerId);
        SqlFilters.AddEquals(sql, parameters, "model_id", query.ModelId);
        sql.Append(DeviceCatalogSql.ListSuffix);

        var rows = await QueryAsync(sql.ToString(), parameters, cancellationToken).ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, row => row.Id);
    }

    public Task<IReadOnlyList<string>> SilentOnlineAsync(DateTimeOffset lastSeenBefore, int limit, CancellationToken cancellationToken = default) =>
        QueryIdsAsync(DeviceCatalogSql.SilentOnline, [new("@before", lastSeenBefore.ToUnixTimeMilliseconds()), new("@limit", Math.Max(limit, 0))], cancellationToken);

    public Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        QueryIdsAsync(DeviceCatalogSql.Due, [new("@now", now.ToUnixTimeMilliseconds()), new("@limit", Math.Max(limit, 0))], cancellationToken);

    public async Task<int> MarkModelDueAsync(string modelId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.WriteAsync(
            _database,
            DeviceCatalogSql.MarkModelDue,
            [("@at", at.ToUnixTimeMilliseconds()), ("@model_id", modelId)],
            cancellationToken).ConfigureAwait(false);
    }

    private async Task CreateSchemaAsync()
    {
        await _database.ExecuteAsync(DeviceCatalogSql.Schema).ConfigureAwait(false);
        await using (var connection = await _database.OpenAsync().ConfigureAwait(false))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = DeviceCatalogSql.HasDueColumn;
            if (Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                await _database.ExecuteAsync(DeviceCatalogSql.AddDueColumn).ConfigureAwait(false);
            }
        }

        await _database.ExecuteAsync(DeviceCatalogSql.DueIndex).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> QueryIdsAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.QueryAsync(_database, sql, parameters, reader => reader.GetString(0), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<List<DeviceSummary>> QueryAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.QueryAsync(_database, sql, parameters, DeviceSummaryRow.Read, cancellationToken).ConfigureAwait(false);
    }
}
