namespace IotService.Storage.Catalogs;

/// <summary>Query-friendly device summaries (SPEC §5: lists are one indexed query, never a call to every grain).</summary>
public interface IDeviceCatalog
{
    /// <summary>
    /// Inserts or replaces the row of <paramref name="summary"/>'s device. A summary older than the stored
    /// row (smaller <see cref="DeviceSummary.UpdatedAt"/>) is ignored, so a late write cannot undo a newer one.
    /// </summary>
    Task UpsertAsync(DeviceSummary summary, CancellationToken cancellationToken = default);

    /// <summary>Upserts many summaries in one transaction, with the same rule as <see cref="UpsertAsync"/>.</summary>
    Task UpsertManyAsync(IReadOnlyList<DeviceSummary> summaries, CancellationToken cancellationToken = default);

    Task<DeviceSummary?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page in <see cref="DeviceQuery.Sort"/> order, keyset-paged: a cursor carries the sort key of the last row
    /// returned, so pages never overlap or skip a row that did not change. A row whose sort key changes while a client
    /// pages is shown where it stands when each page is read: moved further down the order, it is shown again there;
    /// moved up past the cursor, later pages do not show it.
    /// Rows carry <see cref="DeviceSummary.CustomerName"/>.
    /// </summary>
    /// <exception cref="InvalidCursorException">The cursor was not handed out for this sort.</exception>
    Task<Page<DeviceSummary>> ListAsync(DeviceQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many devices match <paramref name="query"/>'s filters (its sort, limit and cursor are ignored).</summary>
    Task<long> CountAsync(DeviceQuery query, CancellationToken cancellationToken = default);

    Task<DeviceSummary?> FindByActivationCodeAsync(string activationCode, CancellationToken cancellationToken = default);

    /// <summary>Rows whose <see cref="DeviceSummary.UpdatedAt"/> is at or after <paramref name="since"/>, for directory refresh.</summary>
    Task<IReadOnlyList<DeviceSummary>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ids of devices shown online whose last reading is older than <paramref name="lastSeenBefore"/>,
    /// longest silent first, at most <paramref name="limit"/>. Devices without a last reading are not included.
    /// </summary>
    Task<IReadOnlyList<string>> SilentOnlineAsync(DateTimeOffset lastSeenBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>Ids of devices whose <see cref="DeviceSummary.DueAt"/> is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<string>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes every device of the model due at <paramref name="at"/>, so each re-evaluates its clock rules once after a
    /// model edit (a device that went silent before its model gained a no-data rule has no reading to do it). Returns the count.
    /// </summary>
    Task<int> MarkModelDueAsync(string modelId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
