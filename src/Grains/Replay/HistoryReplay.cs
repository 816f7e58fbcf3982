using IotService.Rules.Kinds;
using IotService.Rules.Replay;
using IotService.Storage.History;

namespace IotService.Grains.Replay;

/// <summary>Feeds one device's stored readings of the rule's property, in time-ordered chunks, through a <see cref="RuleReplayRun"/>.</summary>
internal sealed class HistoryReplay(IHistoryStore history, RuleReplayOptions options)
{
    /// <exception cref="ReplayTooLargeException">The device's readings would take the replay past <paramref name="readSoFar"/> + its budget.</exception>
    public async Task<ReplayResult> ReplayDeviceAsync(
        ICompiledRule rule, string deviceId, DateTimeOffset from, DateTimeOffset to, int maxListed, int readSoFar, CancellationToken cancellationToken)
    {
        var budget = options.MaxReadings - readSoFar;
        var run = new RuleReplayRun(rule, maxListed);
        var start = from;
        while (start < to)
        {
            // One reading past the budget is enough to know it is exceeded.
            var limit = Math.Min(options.ChunkSize, budget - run.ReadingCount + 1);
            var chunk = await history.QueryRawAsync(new HistoryQuery(deviceId, run.Property, start, to, limit), cancellationToken);
            if (run.ReadingCount + chunk.Count > budget)
            {
                throw new ReplayTooLargeException(options.MaxReadings);
            }

            if (chunk.Count < limit)
            {
                Add(run, deviceId, chunk, chunk.Count);
                break;
            }

            // No store has a cursor, so the next chunk starts at the last timestamp read. Both stores keep one value
            // per (device, property, millisecond), but should a store ever hold several, the readings sharing the last
            // timestamp are left for the next chunk rather than split. Only a whole chunk of one timestamp, which
            // cannot be paged through without a cursor, moves on 1 ms past it.
            var last = chunk[^1].Timestamp;
            var complete = chunk.Count;
            while (complete > 0 && chunk[complete - 1].Timestamp == last)
            {
                complete--;
            }

            Add(run, deviceId, chunk, complete == 0 ? chunk.Count : complete);
            var next = complete == 0 ? last.AddMilliseconds(1) : last;
            if (next <= start)
            {
                throw new InvalidOperationException($"The history store answered readings before {start:O} for a query starting there.");
            }

            start = next;
        }

        return run.ToResult();
    }

    private static void Add(RuleReplayRun run, string deviceId, IReadOnlyList<RawPoint> chunk, int count)
    {
        for (var i = 0; i < count; i++)
        {
            run.Add(new ReplayReading(deviceId, chunk[i].Timestamp, chunk[i].Value));
        }
    }
}
