using Microsoft.Extensions.Options;

namespace IotService.Storage.History.Spool;

/// <summary>
/// What a history query calls first. A reading is acknowledged once the spool has it, and reaches the store a moment
/// later; waiting here for the forwarder (which it hurries) means a query sees every reading acknowledged before it,
/// within <see cref="HistoryOptions.ReadCatchUpSeconds"/> (after that, with the store down, it answers with what the store has).
/// </summary>
public sealed class HistoryCatchUp(WriteAheadSpool spool, IOptions<HistoryOptions> options)
{
    /// <returns>False when the store could not catch up in time.</returns>
    public Task<bool> WaitAsync(CancellationToken cancellationToken)
        => spool.WaitForwardedAsync(TimeSpan.FromSeconds(options.Value.ReadCatchUpSeconds), cancellationToken);
}
