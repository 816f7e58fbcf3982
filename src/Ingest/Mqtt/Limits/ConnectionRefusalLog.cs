using System.Net;
using IotService.Ingest.Diagnostics;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Mqtt.Limits;

/// <summary>
/// Counts every refused or cut MQTT connection by reason and logs at most one line per reason per
/// <c>Ingest:RejectLogIntervalSeconds</c>, so that a flood of bad connections cannot flood the log.
/// </summary>
public sealed partial class ConnectionRefusalLog(ILogger<ConnectionRefusalLog> logger, IngestStats stats, IOptions<IngestOptions> options, TimeProvider time)
{
    private readonly LogThrottle _throttle = new(
        SnakeCaseNames<ConnectionRefusal>.Count, () => TimeSpan.FromSeconds(options.Value.RejectLogIntervalSeconds), time);

    /// <param name="client">The device id or client id when known.</param>
    public void Refused(ConnectionRefusal reason, EndPoint? remote, string? client, string detail)
    {
        stats.Refused(reason);
        if (_throttle.TryEnter((int)reason, out var suppressed))
        {
            LogRefused(SnakeCaseNames<ConnectionRefusal>.Of(reason), remote?.ToString() ?? "-", client ?? "-", detail, suppressed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection from {Remote} ({Client}) refused, {Reason}: {Detail} ({Suppressed} more of this reason not logged since the last line)")]
    private partial void LogRefused(string reason, string remote, string client, string detail, long suppressed);
}
