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
    private readonly PostgresJsonRecords<AlarmRecord> _rows = new(database, AlarmTable.Upsert, AlarmTable.Get, AlarmTable.Parameters, alarm => alarm.Id);

    public Task UpsertAsync(AlarmRecord alarm, CancellationToken cancellationToken = default) => _rows.UpsertAsync(alarm, cancellationToken);

    public Task<AlarmRecord?> GetAsync(string id, CancellationToken cancellationToken = default) => _rows.GetAsync(id, cancellationToken);

    public Task<Page<AlarmRecord>> ListAsync(AlarmQuery query, CancellationToken cancellationToken = default) =>
        _rows.ListAsync(AlarmTable.List(query), cancellationToken);
}
