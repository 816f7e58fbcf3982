using System.Text;
using IotService.Contracts.Common;
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
        var limit = KeysetCursor.ClampLimit(query.Limit);
        if (query.Sort == DeviceSort.Worst)
        {
            return await ListWorstAsync(query, limit, cancellationToken).ConfigureAwait(false);
        }

        var (sql, parameters) = BuildList(query, limit);
        var rows = await QueryAsync(sql, parameters, DeviceSummaryRow.ReadListed, cancellationToken).ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, row => row.Id);
    }

    public async Task<long> CountAsync(DeviceQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters) = BuildCount(query);
        var counts = await QueryAsync(sql, parameters, reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return counts[0];
    }

    /// <summary>The id-ordered list statement of <paramref name="query"/>; internal so tests can check its plan.</summary>
    internal static (string Sql, List<SqliteParameter> Parameters) BuildList(DeviceQuery query, int limit)
    {
        var sql = new StringBuilder($"SELECT {DeviceCatalogSql.ListColumns} FROM devices{DeviceListFilters.IndexHint(query)} WHERE id > @after");
        List<SqliteParameter> parameters = [new("@after", KeysetCursor.Decode(query.Cursor)), new("@limit", limit + 1)];
        DeviceListFilters.Add(sql, parameters, query);
        sql.Append(DeviceCatalogSql.ListSuffix);
        return (sql.ToString(), parameters);
    }

    /// <summary>The statement that reads one severity's rows of a worst-first page, in id order after <c>@after</c>.</summary>
    internal static (string Sql, List<SqliteParameter> Parameters) BuildWorstLevel(DeviceQuery query)
    {
        var sql = new StringBuilder(
            $"SELECT {DeviceCatalogSql.ListColumns} FROM devices{DeviceListFilters.WorstIndexHint(query)} WHERE severity = @severity AND id > @after");
        List<SqliteParameter> parameters = [new("@severity", (object)0), new("@after", ""), new("@limit", (object)1)];
        DeviceListFilters.Add(sql, parameters, query, withSeverity: false);
        sql.Append(DeviceCatalogSql.ListSuffix);
        return (sql.ToString(), parameters);
    }

    internal static (string Sql, List<SqliteParameter> Parameters) BuildCount(DeviceQuery query)
    {
        var sql = new StringBuilder($"SELECT COUNT(*) FROM devices{DeviceListFilters.CountIndexHint(query)} WHERE 1 = 1");
        List<SqliteParameter> parameters = [];
        DeviceListFilters.Add(sql, parameters, query);
        return (sql.Append(';').ToString(), parameters);
    }

    /// <summary>
    /// Worst first: one index range per severity, from the worst (or the cursor's) down, until the page is full.
    /// Each range walks an index in id order and stops at the page size, so a page costs the same at any depth;
    /// the ranges are read in one transaction, so they see one snapshot and a row moving between severities
    /// meanwhile cannot appear twice on a page.
    /// </summary>
    private async Task<Page<DeviceSummary>> ListWorstAsync(DeviceQuery query, int limit, CancellationToken cancellationToken)
    {
        var start = WorstCursor.Decode(query.Cursor);
        var levels = (query.Severities is { Count: > 0 } wanted ? wanted.Distinct() : Enum.GetValues<Severity>())
            .Where(severity => start is null || severity <= start.Value.Severity)
            .OrderDescending()
            .ToList();
        var (sql, parameters) = BuildWorstLevel(query);

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddRange(parameters);

        var rows = new List<DeviceSummary>(limit + 1);
        foreach (var severity in levels)
        {
            command.Parameters["@severity"].Value = (int)severity;
            command.Parameters["@after"].Value = start is { } s && s.Severity == severity ? s.Id : "";
            command.Parameters["@limit"].Value = limit + 1 - rows.Count;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(DeviceSummaryRow.ReadListed(reader));
            }

            if (rows.Count > limit)
            {
                break;
            }
        }

        return KeysetCursor.ToPage(rows, limit, row => WorstCursor.KeyOf(row.Severity, row.Id), WorstCursor.Tag);
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
        // Lists read customer names from the document catalog's table, which may not exist yet.
        await _database.ExecuteAsync(DocumentCatalogSql.Schema).ConfigureAwait(false);
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
        await _database.ExecuteAsync(DeviceCatalogSql.ListIndexes).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<string>> QueryIdsAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.QueryAsync(_database, sql, parameters, reader => reader.GetString(0), cancellationToken)
            .ConfigureAwait(false);
    }

    private Task<List<DeviceSummary>> QueryAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken cancellationToken) =>
        QueryAsync(sql, parameters, DeviceSummaryRow.Read, cancellationToken);

    private async Task<List<T>> QueryAsync<T>(string sql, IEnumerable<SqliteParameter> parameters, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.QueryAsync(_database, sql, parameters, read, cancellationToken).ConfigureAwait(false);
    }
}
