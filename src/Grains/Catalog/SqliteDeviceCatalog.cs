using System.Text;
using IotService.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace IotService.Grains.Catalog;

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
        AddIn(sql, parameters, "severity", query.Severities?.Select(severity => (int)severity));
        AddIn(sql, parameters, "status", query.Statuses?.Select(status => (int)status));
        AddEquals(sql, parameters, "customer_id", query.CustomerId);
        AddEquals(sql, parameters, "model_id", query.ModelId);
        sql.Append(DeviceCatalogSql.ListSuffix);

        // One row past the page tells whether another page exists without a COUNT.
        var rows = await QueryAsync(sql.ToString(), parameters, cancellationToken).ConfigureAwait(false);
        if (rows.Count <= limit)
        {
            return new Page<DeviceSummary>(rows, null);
        }

        rows.RemoveAt(limit);
        return new Page<DeviceSummary>(rows, KeysetCursor.Encode(rows[^1].Id));
    }

    public Task<IReadOnlyList<string>> SilentOnlineAsync(DateTimeOffset lastSeenBefore, int limit, CancellationToken cancellationToken = default) =>
        QueryIdsAsync(DeviceCatalogSql.SilentOnline, [new("@before", lastSeenBefore.ToUnixTimeMilliseconds()), new("@limit", Math.Max(limit, 0))], cancellationToken);

    public Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        QueryIdsAsync(DeviceCatalogSql.Due, [new("@now", now.ToUnixTimeMilliseconds()), new("@limit", Math.Max(limit, 0))], cancellationToken);

    public async Task<int> MarkModelDueAsync(string modelId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _database.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = DeviceCatalogSql.MarkModelDue;
                command.Parameters.AddWithValue("@at", at.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("@model_id", modelId);
                return command.ExecuteNonQuery();
            },
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
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<List<DeviceSummary>> QueryAsync(string sql, IEnumerable<SqliteParameter> parameters, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<DeviceSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(DeviceSummaryRow.Read(reader));
        }

        return rows;
    }

    private static void AddIn(StringBuilder sql, List<SqliteParameter> parameters, string column, IEnumerable<int>? values)
    {
        var distinct = values?.Distinct().ToList();
        if (distinct is not { Count: > 0 })
        {
            return;
        }

        var names = distinct.Select((value, index) => $"@{column}{index}").ToList();
        sql.Append(" AND ").Append(column).Append(" IN (").AppendJoin(", ", names).Append(')');
        parameters.AddRange(distinct.Select((value, index) => new SqliteParameter(names[index], value)));
    }

    private static void AddEquals(StringBuilder sql, List<SqliteParameter> parameters, string column, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(column).Append(" = @").Append(column);
            parameters.Add(new SqliteParameter($"@{column}", value));
        }
    }
}
