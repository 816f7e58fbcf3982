using System.Text.Json;
using IotService.Contracts.Alarms;
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
        await CatalogCommands.WriteAsync(
            _database,
            AlarmCatalogSql.Upsert,
            [
                ("@id", alarm.Id), ("@device_id", alarm.DeviceId), ("@customer_id", alarm.CustomerId),
                ("@model_id", alarm.ModelId), ("@rule_id", alarm.RuleId), ("@state", (int)alarm.State),
                ("@severity", (int)alarm.Severity), ("@raised_at", alarm.RaisedAt.ToUnixTimeMilliseconds()),
                ("@updated_at", alarm.UpdatedAt.ToUnixTimeMilliseconds()),
                ("@json", JsonSerializer.Serialize(alarm, CatalogJson.Options)),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<AlarmRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await CatalogCommands.QueryJsonAsync<AlarmRecord>(_database, AlarmCatalogSql.Get, [new("@id", id)], cancellationToken)
            .ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<Page<AlarmRecord>> ListAsync(AlarmQuery query, CancellationToken cancellationToken = default)
    {
        var (sql, parameters, limit) = BuildList(query);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var rows = await CatalogCommands.QueryJsonAsync<AlarmRecord>(_database, sql, parameters, cancellationToken).ConfigureAwait(false);
        return KeysetCursor.ToPage(rows, limit, alarm => alarm.Id);
    }

    /// <summary>The list statement of <paramref name="query"/>; internal so tests can check its query plan.</summary>
    internal static (string Sql, List<SqliteParameter> Parameters, int Limit) BuildList(AlarmQuery query)
    {
        var (sql, parameters, limit) = SqlFilters.NewestFirst(AlarmCatalogSql.ListPrefix, query.Cursor, query.Limit);
        SqlFilters.AddIn(sql, parameters, "state", query.States?.Select(state => (int)state));
        SqlFilters.AddIn(sql, parameters, "severity", query.Severities?.Select(severity => (int)severity));
        SqlFilters.AddEquals(sql, parameters, "device_id", query.DeviceId);
        SqlFilters.AddEquals(sql, parameters, "customer_id", query.CustomerId);
        sql.Append(AlarmCatalogSql.ListSuffix);
        return (sql.ToString(), parameters, limit);
    }
}
