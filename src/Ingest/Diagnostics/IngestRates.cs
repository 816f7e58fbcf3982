namespace IotService.Ingest.Diagnostics;

/// <summary>Rates over the last few seconds, from samples of the monotonic totals.</summary>
public sealed class IngestRates(IngestStats stats, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private readonly Lock _lock = new();
    private readonly Queue<(long Ticks, long Accepted, long Rejected)> _samples = new();

    public IngestStatsSnapshot Current()
    {
        var now = time.GetTimestamp();
        var accepted = stats.AcceptedReadings;
        var rejected = stats.RejectedTotal;
        double acceptedRate = 0, rejectedRate = 0;
        lock (_lock)
        {
            _samples.Enqueue((now, accepted, rejected));
            while (_samples.Count > 2 && time.GetElapsedTime(_samples.Peek().Ticks, now) > Window)
            {
                _samples.Dequeue();
            }

            var oldest = _samples.Peek();
            var seconds = time.GetElapsedTime(oldest.Ticks, now).TotalSeconds;
            if (seconds > 0.5)
            {
                acceptedRate = (accepted - oldest.Accepted) / seconds;
                rejectedRate = (rejected - oldest.Rejected) / seconds;
            }
        }

        return stats.Snapshot(time.GetUtcNow(), Math.Round(acceptedRate, 1), Math.Round(rejectedRate, 1));
    }
}
