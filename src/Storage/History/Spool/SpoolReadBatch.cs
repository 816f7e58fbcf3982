namespace IotService.Storage.History.Spool;

/// <summary>
/// Consecutive records read for forwarding, their points merged in spool order; <see cref="End"/>
/// is where the next read starts and what the checkpoint becomes once the store has them all.
/// <see cref="CorruptFrom"/> is set instead of points when the next bytes cannot be read: from
/// there to <see cref="End"/> they are set aside.
/// </summary>
internal sealed record SpoolReadBatch(IReadOnlyList<HistoryPoint> Points, int Records, SpoolPosition End, SpoolPosition? CorruptFrom = null)
{
    /// <summary>Nothing read: a placeholder for a batch let go before it was used.</summary>
    public static SpoolReadBatch Empty { get; } = new([], 0, default);
}
