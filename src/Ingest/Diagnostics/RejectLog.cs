using IotService.Ingest.Payloads;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Diagnostics;

/// <summary>
/// Logs rejections at most once per reason per interval, with how many were not logged
/// in between, so that a misbehaving device cannot flood the log or slow ingest down.
/// </summary>
public sealed partial class RejectLog(ILogger<RejectLog> logger, IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly long[] _nextAllowed = new long[RejectReasonNames.Count];
    private readonly long[] _suppressed = new long[RejectReasonNames.Count];

    public void Rejected(RejectReason reason, string? deviceId, string detail)
    {
        var index = (int)reason;
        var now = time.GetTimestamp();
        var next = Volatile.Read(ref _nextAllowed[index]);
        if (now < next || Interlocked.CompareExchange(ref _nextAllowed[index], now + IntervalTicks(), next) != next)
        {
            Interlocked.Increment(ref _suppressed[index]);
            return;
        }

        var suppressed = Interlocked.Exchange(ref _suppressed[index], 0);
        LogRejected(RejectReasonNames.Of(reason), deviceId ?? "-", detail, suppressed);
    }

    private long IntervalTicks() => (long)(options.Value.RejectLogIntervalSeconds * time.TimestampFrequency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Reason} from device {DeviceId}: {Detail} ({Suppressed} more of this reason not logged since the last line)")]
    private partial void LogRejected(string reason, string deviceId, string detail, long suppressed);
}
