using Microsoft.Extensions.Options;

namespace IotService.Storage.History.Spool;

/// <summary>History status of a remote store behind the spool.</summary>
public sealed class SpoolHistoryStatus(WriteAheadSpool spool, IOptions<HistoryOptions> options) : IHistoryStatusSource
{
    public HistoryStatus Current()
    {
        var s = spool.Stats;
        return new HistoryStatus(
            options.Value.Store, s.StoreReachable, s.Bytes, options.Value.Spool.MaxBytes, s.PendingRecords,
            s.Dropped, s.DeadLetters, s.OldestPending, s.LastForwardError);
    }
}
