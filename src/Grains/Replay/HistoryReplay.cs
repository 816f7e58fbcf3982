using IotService.Rules.Kinds;
using IotService.Rules.Replay;
using IotService.Storage.History;

namespace IotService.Grains.Replay;

/// <summary>
/// Feeds one device's stored readings of the rule's properties through a <see cref="RuleReplayRun"/>, oldest first:
/// each property is read in time-ordered chunks, and the series are merged by timestamp (readings of several
/// properties with one timestamp come in the rule's property order, as one batch).
/// </summary>
internal sealed class HistoryReplay(IHistoryStore history, RuleReplayOptions options)
{
    /// <exception cref="ReplayTooLargeException">The device's readings would take the replay past <paramref name="readSoFar"/> + its budget.</exception>
    public async Task<ReplayResult> ReplayDeviceAsync(
        ICompiledRule rule, string deviceId, DateTimeOffset from, DateTimeOffset to, int maxListed, int readSoFar, CancellationToken cancellationToken)
    {
        var run = new RuleReplayRun(rule, maxListed);
        var budget = new ReplayBudget(options.MaxReadings, readSoFar);
        var series = run.Properties.Select(p => new StoredSeries(history, deviceId, p, from, to, options.ChunkSize, budget)).ToList();
        while (true)
        {
            StoredSeries? earliest = null;
            RawPoint? first = null;
            foreach (var s in series)
            {
                if (await s.PeekAsync(cancellationToken) is { } point && (first is null || point.Timestamp < first.Timestamp))
                {
                    (earliest, first) = (s, point);
                }
            }

            if (earliest is null)
            {
                return run.ToResult();
            }

            earliest.Consume();
            run.Add(new ReplayReading(deviceId, first!.Timestamp, first.Value, earliest.Property));
        }
    }
}
