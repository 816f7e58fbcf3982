using IotService.Storage.Sqlite;

namespace IotService.Storage.History.Sqlite;

/// <summary>One retention run as a sequence of short writer transactions, each queued behind the writes that arrived meanwhile.</summary>
internal sealed class RetentionPass(GroupCommit<HistoryWriteSession> writer, SqliteHistoryTuning tuning)
{
    /// <summary>Rolls up and deletes raw rows before <paramref name="rawHorizon"/>, then deletes rollups before <paramref name="rollupHorizon"/>.</summary>
    public async Task<(long RolledUp, long Deleted)> RunAsync(long rawHorizon, long rollupHorizon, CancellationToken cancellationToken)
    {
        var rolledUp = await SweepAsync(rollUp: true, rawHorizon, cancellationToken).ConfigureAwait(false);
        var deleted = await SweepAsync(rollUp: false, rollupHorizon, cancellationToken).ConfigureAwait(false);
        return (rolledUp, deleted);
    }

    private async Task<long> SweepAsync(bool rollUp, long horizonMs, CancellationToken cancellationToken)
    {
        long after = 0, rows = 0;
        while (true)
        {
            var chunk = new RetentionChunk(rollUp, after, horizonMs, tuning.RetentionRowsPerChunk, tuning.RetentionSeriesPerChunk);
            await writer.WriteAsync(chunk.Execute, tuning.RetentionRowsPerChunk, cancellationToken).ConfigureAwait(false);
            rows += chunk.Rows;
            after = chunk.NextAfterSeries;
            if (chunk.Finished)
            {
                return rows;
            }
        }
    }
}
