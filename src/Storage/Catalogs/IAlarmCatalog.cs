using IotService.Contracts.Alarms;

namespace IotService.Storage.Catalogs;

/// <summary>
/// Alarm rows for <c>GET /api/alarms</c>: every alarm, open or cleared, with the fields lists filter on as
/// indexed columns. The device grain that owns an alarm writes its row on every change.
/// </summary>
public interface IAlarmCatalog
{
    /// <summary>Inserts or replaces the alarm's row; a record with an older <see cref="AlarmRecord.UpdatedAt"/> than the stored one is ignored.</summary>
    Task UpsertAsync(AlarmRecord alarm, CancellationToken cancellationToken = default);

    Task<AlarmRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Newest first (alarm ids are time-ordered), keyset-paged.</summary>
    Task<Page<AlarmRecord>> ListAsync(AlarmQuery query, CancellationToken cancellationToken = default);
}
