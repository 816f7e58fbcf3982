namespace IotService.Storage.History;

/// <summary>A local store (SQLite) has no spool: its writes are the durability point and fail loudly.</summary>
public sealed class LocalHistoryStatus(string store) : IHistoryStatusSource
{
    public HistoryStatus Current() => new(store, true, 0, 0, 0, 0, 0, null, null);
}
