using IotService.Storage.History;

namespace IotService.Grains.Replay;

/// <summary>
/// One device's stored readings of one property from a start time, read in time-ordered chunks as they are consumed.
/// Every reading fetched counts against the replay's budget (<see cref="ReplayBudget"/>), so a range too large is
/// refused after at most one chunk past it.
/// </summary>
internal sealed class StoredSeries(IHistoryStore history, string deviceId, string property, DateTimeOffset from, DateTimeOffset to, int chunkSize, ReplayBudget budget)
{
    private IReadOnlyList<RawPoint> _chunk = [];
    private int _next;
    private int _usable;
    private DateTimeOffset _start = from;
    private bool _exhausted;

    public string Property => property;

    /// <summary>The next reading, or null when the series has no more in the range. Does not consume it.</summary>
    public async ValueTask<RawPoint?> PeekAsync(CancellationToken cancellationToken)
    {
        while (_next == _usable)
        {
            if (_exhausted || _start >= to)
            {
                return null;
            }

            await FetchAsync(cancellationToken);
        }

        return _chunk[_next];
    }

    public void Consume() => _next++;

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        // One reading past the budget is enough to know it is exceeded.
        var limit = Math.Min(chunkSize, budget.Left + 1);
        var chunk = await history.QueryRawAsync(new HistoryQuery(deviceId, property, _start, to, limit), cancellationToken);
        budget.Take(chunk.Count);
        (_chunk, _next) = (chunk, 0);
        if (chunk.Count < limit)
        {
            _usable = chunk.Count;
            _exhausted = true;
            return;
        }

        // No store has a cursor, so the next chunk starts at the last timestamp read. Both stores keep one value per
        // (device, property, millisecond), but should a store ever hold several, the readings sharing the last
        // timestamp are left for the next chunk rather than split. Only a whole chunk of one timestamp, which cannot
        // be paged through without a cursor, moves on 1 ms past it.
        var last = chunk[^1].Timestamp;
        var complete = chunk.Count;
        while (complete > 0 && chunk[complete - 1].Timestamp == last)
        {
            complete--;
        }

        // The readings left for the next chunk will be fetched (and counted) again.
        budget.Return(chunk.Count - (complete == 0 ? chunk.Count : complete));
        _usable = complete == 0 ? chunk.Count : complete;
        var next = complete == 0 ? last.AddMilliseconds(1) : last;
        if (next <= _start)
        {
            throw new InvalidOperationException($"The history store answered readings before {_start:O} for a query starting there.");
        }

        _start = next;
    }
}
