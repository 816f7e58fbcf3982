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
    private readonly LogThrottle _throttle = new(RejectReasonNames.Count, () => TimeSpan.FromSeconds(options.Value.RejectLogIntervalSeconds), time);

    public void Rejected(RejectReason reason, string? deviceId, string detail)
    {
        if (_throttle.TryEnter((int)reason, out var suppressed))
        {
            LogRejected(RejectReasonNames.Of(reason), deviceId ?? "-", detail, suppressed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Reason} from device {DeviceId}: {Detail} ({Suppressed} more of this reason not logged since the last line)")]
    private partial void LogRejected(string reason, string deviceId, string detail, long suppressed);
}
