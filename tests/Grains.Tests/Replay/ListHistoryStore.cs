using IotService.Storage.History;

namespace IotService.Grains.Tests.Replay;

/// <summary>
/// Raw points of one series from a list, answering as a store does (time order, [from, to), at most the limit) but,
/// unlike the real stores, able to hold several values with the same timestamp.
/// </summary>
internal sealed class ListHistoryStore(IReadOnlyList<RawPoint> points) : IHistoryStore
{
    public int Queries { get; private set; }

    public Task WriteAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<RawPoint>> QueryRawAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        Queries++;
        IReadOnlyList<RawPoint> answer = [.. points.Where(p => p.Timestamp >= query.From && p.Timestamp < query.To).OrderBy(p => p.Timestamp).Take(query.Limit)];
        return Task.FromResult(answer);
    }

    public Task<IReadOnlyList<AggregatePoint>> QueryAggregateAsync(HistoryQuery query, TimeSpan interval, CancellationToken cancellationToken) => throw new NotSupportedException();
}
