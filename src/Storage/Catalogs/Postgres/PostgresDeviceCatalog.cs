using System.Data;
using System.Data.Common;
using IotService.Storage.Catalogs.Relational;
using IotService.Storage.Postgres;
using Npgsql;

namespace IotService.Storage.Catalogs.Postgres;

/// <summary>Device summaries in the <c>devices</c> table of the <see cref="PostgresDatabase"/>, shared by every hub.</summary>
public sealed class PostgresDeviceCatalog(PostgresDatabase database) : IDeviceCatalog
{
    public Task UpsertAsync(DeviceSummary summary, CancellationToken cancellationToken = default) =>
        UpsertManyAsync([summary], cancellationToken);

    /// <remarks>
    /// One round trip and one transaction. Rows are written in id order (a stable sort, so a device listed twice keeps
    /// its order), so two hubs writing overlapping batches lock rows in the same order and cannot deadlock.
    /// </remarks>
    public async Task UpsertManyAsync(IReadOnlyList<DeviceSummary> summaries, CancellationToken cancellationToken = default)
    {
        if (summaries.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var summary in summaries.OrderBy(summary => summary.Id, StringComparer.Ordinal))
        {
            var upsert = new NpgsqlBatchCommand(DeviceTable.Upsert);
            var values = DeviceSummaryRow.Values(summary);
            for (var index = 0; index < values.Length; index++)
            {
                upsert.Parameters.Add(PostgresCommands.Parameter(DeviceSummaryRow.ParameterNames[index], values[index]));
            }

            batch.BatchCommands.Add(upsert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeviceSummary?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DeviceTable.Get, [("@id", id)], DeviceSummaryRow.Read, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<DeviceSummary?> FindByActivationCodeAsync(string activationCode, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(DeviceTable.FindByActivationCode, [("@code", activationCode)], DeviceSummaryRow.Read, cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<DeviceSummary>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await QueryAsync(DeviceTable.ChangedSince, [("@since", since.ToUnixTimeMilliseconds())], DeviceSummaryRow.Read, cancellationToken)
            .ConfigureAwait(false);

    public async Task<Page<DeviceSummary>> ListAsync(DeviceQuery query, CancellationToken cancellationToken = default)
    {
        var limit = KeysetCursor.ClampLimit(query.Limit);
        if (query.Sort == DeviceSort.Worst)
        {
            return await ListWorstAsync(query, limit, cancellationToken).ConfigureAwait(false);
        }

        var statement = DeviceTable.List(query, limit, DeviceCatalogSql.ListColumns, DeviceCatalogSql.SearchCondition);
        var rows = await QueryAsync(statement.ToString(), statement.Parameters, DeviceSummaryRow.ReadListed, cancellationToken).ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, row => row.Id);
    }

    public async Task<long> CountAsync(DeviceQuery query, CancellationToken cancellationToken = default)
    {
        var statement = DeviceTable.Count(query, DeviceCatalogSql.SearchCondition);
        var counts = await QueryAsync(statement.ToString(), statement.Parameters, reader => reader.GetInt64(0), cancellationToken).ConfigureAwait(false);
        return counts[0];
    }

    public Task<IReadOnlyList<string>> SilentOnlineAsync(DateTimeOffset lastSeenBefore, int limit, CancellationToken cancellationToken = default) =>
        QueryIdsAsync(DeviceTable.SilentOnline, [("@before", lastSeenBefore.ToUnixTimeMilliseconds()), ("@limit", Math.Max(limit, 0))], cancellationToken);

    public Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        QueryIdsAsync(DeviceTable.Due, [("@now", now.ToUnixTimeMilliseconds()), ("@limit", Math.Max(limit, 0))], cancellationToken);

    public Task<int> MarkModelDueAsync(string modelId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        PostgresCommands.ExecuteAsync(database, DeviceTable.MarkModelDue, [("@at", at.ToUnixTimeMilliseconds()), ("@model_id", modelId)], cancellationToken);

    /// <summary>
    /// Worst first (<see cref="WorstFirstPage"/>). Its severity ranges are read in one repeatable-read transaction:
    /// PostgreSQL's default (read committed) would give each range its own snapshot.
    /// </summary>
    private async Task<Page<DeviceSummary>> ListWorstAsync(DeviceQuery query, int limit, CancellationToken cancellationToken)
    {
        var statement = DeviceTable.WorstLevel(query, DeviceCatalogSql.ListColumns, DeviceCatalogSql.SearchCondition);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(statement.ToString(), connection, transaction);
        command.Parameters.AddRange(statement.Bind(PostgresCommands.Parameter).ToArray());
        var page = await WorstFirstPage.ReadAsync(command, query, limit, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return page;
    }

    private async Task<IReadOnlyList<string>> QueryIdsAsync(string sql, (string, object)[] parameters, CancellationToken cancellationToken) =>
        await QueryAsync(sql, parameters, reader => reader.GetString(0), cancellationToken).ConfigureAwait(false);

    private Task<List<T>> QueryAsync<T>(
        string sql, IEnumerable<(string Name, object Value)> parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        PostgresCommands.QueryAsync(database, sql, parameters, read, cancellationToken);
}
