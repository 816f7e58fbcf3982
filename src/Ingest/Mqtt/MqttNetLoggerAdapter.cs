using IotService.Ingest.Diagnostics;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Diagnostics.Logger;

namespace IotService.Ingest.Mqtt;

/// <summary>
/// MQTTnet logs nowhere by default; this forwards its warnings and errors to <see cref="ILogger"/>. MQTTnet writes a
/// line (errors with a stack trace) for every client that sends garbage or hangs up early, so that anyone who can
/// reach the port could fill the disk: per source and level, at most one line per <c>Ingest:RejectLogIntervalSeconds</c>.
/// </summary>
public sealed class MqttNetLoggerAdapter(ILogger<MqttNetLoggerAdapter> logger, IOptions<IngestOptions> options, TimeProvider time) : IMqttNetLogger
{
    // Sources share a slot when their hashes collide; that only makes their lines share one budget.
    private const int SourceSlots = 16;

    private readonly LogThrottle _throttle = new(SourceSlots * 2, () => TimeSpan.FromSeconds(options.Value.RejectLogIntervalSeconds), time);

    public bool IsEnabled => logger.IsEnabled(LogLevel.Warning);

    public void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception)
    {
        var level = logLevel switch
        {
            MqttNetLogLevel.Error => LogLevel.Error,
            MqttNetLogLevel.Warning => LogLevel.Warning,
            MqttNetLogLevel.Info => LogLevel.Debug,
            _ => LogLevel.Trace,
        };
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var slot = ((StringComparer.Ordinal.GetHashCode(source ?? "") & 0x7FFFFFFF) % SourceSlots * 2) + (level == LogLevel.Error ? 1 : 0);
        long suppressed = 0;
        if (level >= LogLevel.Warning && !_throttle.TryEnter(slot, out suppressed))
        {
            return;
        }

        var text = parameters is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.InvariantCulture, message, parameters) : message;
#pragma warning disable CA2254 // MQTTnet's messages are pre-formatted templates of its own.
        logger.Log(level, exception, "[MQTTnet {Source}] {Message} ({Suppressed} more of this source and level not logged since the last line)", source, text, suppressed);
#pragma warning restore CA2254
    }
}
