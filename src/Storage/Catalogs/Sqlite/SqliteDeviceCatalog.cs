using System.Data.Common;
using IotService.Storage.Catalogs.Relational;
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
                // Created once, so a batch only rebinds values.
                using var upsert = connection.CreateCommand();
                upsert.CommandText = DeviceTable.Upsert;
                upsert.Transaction = transaction;
                upsert.Parameters.AddRange(DeviceSummaryRow.ParameterNames.Select(name => new SqliteParameter { ParameterName = name }).ToArray());
                foreach (var summary in summaries)
                {
                    var values = DeviceSummaryRow.Values(summary);
                    for (var index = 0; index < values.Length; index++)
                    {
                        upsert.Parameters[index].Value = values[index];
                    }

                    upsert.ExecuteNonQuery();
                }

                return summaries.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeviceSummary?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DeviceTable.Get, [new("@id", id)], cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<DeviceSummary?> FindByActivationCodeAsync(string activationCode, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DeviceTable.FindByActivationCode, [new("@code", activationCode)], cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<DeviceSummary>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await QueryAsync(DeviceTable.ChangedSince, [new("@since", since.ToUnixTimeMilliseconds())], cancellationToken)
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
    internal static (string Sql, List<SqliteParameter> Parameters) BuildList(DeviceQuery query, int limit) =>
        Bound(DeviceTable.List(query, limit, DeviceCatalogSql.ListColumns, DeviceCatalogSql.SearchCondition, DeviceIndexHints.List(query)));

    /// <summary>The statement that reads one severity's rows of a worst-first page, in id order after <c>@after</c>.</summary>
    internal static (string Sql, List<SqliteParameter> Parameters) BuildWorstLevel(DeviceQuery query) =>
        Bound(DeviceTable.WorstLevel(query, DeviceCatalogSql.ListColumns, DeviceCatalogSql.SearchCondition, DeviceIndexHints.Worst(query)));

    internal static (string Sql, List<SqliteParameter> Parameters) BuildCount(DeviceQuery query) =>
        Bound(DeviceTable.Count(query, DeviceCatalogSql.SearchCondition, DeviceIndexHints.Count(query)));

    /// <summary>Worst first (<see cref="WorstFirstPage"/>), its severity ranges read in one transaction, so on one snapshot.</summary>
    private async Task<Page<DeviceSummary>> ListWorstAsync(DeviceQuery query, int limit, CancellationToken cancellationToken)
    {
        var (sql, parameters) = BuildWorstLevel(query);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.Parameters.AddRange(parameters);
        return await WorstFirstPage.ReadAsync(command, query, limit, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<string>> SilentOnlineAsync(DateTimeOffset lastSeenBefore, int limit, CancellationToken cancellationToken = default) =>
        QueryIdsAsync(DeviceTable.SilentOnline, [new("@before", lastSeenBefore.ToUnixTimeMilliseconds()), new("@limit", Math.Max(limit, 0))], cancellationToken);

    public Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        QueryIdsAsync(DeviceTable.Due, [new("@now", now.ToUnixTimeMilliseconds()), new("@limit", Math.Max(limit, 0))], cancellationToken);

    public async Task<int> MarkModelDueAsync(string modelId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.WriteAsync(
            _database,
            DeviceTable.MarkModelDue,
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

    private static (string Sql, List<SqliteParameter> Parameters) Bound(SqlStatement statement) =>
        (statement.ToString(), CatalogCommands.Bind(statement));

    private async Task<IReadOnlyList<string>> QueryIdsAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.QueryAsync(_database, sql, parameters, reader => reader.GetString(0), cancellationToken)
            .ConfigureAwait(false);
    }

    private Task<List<DeviceSummary>> QueryAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken cancellationToken) =>
        QueryAsync(sql, parameters, DeviceSummaryRow.Read, cancellationToken);

    private async Task<List<T>> QueryAsync<T>(string sql, IEnumerable<SqliteParameter> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await CatalogCommands.QueryAsync(_database, sql, parameters, read, cancellationToken).ConfigureAwait(false);
    }
}
