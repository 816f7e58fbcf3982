using MQTTnet.Diagnostics.Logger;
using Microsoft.Extensions.Logging;

namespace IotService.Ingest.Mqtt;

/// <summary>MQTTnet logs nowhere by default; this forwards its warnings and errors to <see cref="ILogger"/>.</summary>
public sealed class MqttNetLoggerAdapter(ILogger<MqttNetLoggerAdapter> logger) : IMqttNetLogger
{
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

        var text = parameters is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.InvariantCulture, message, parameters) : message;
#pragma warning disable CA2254 // MQTTnet's messages are pre-formatted templates of its own.
        logger.Log(level, exception, "[MQTTnet {Source}] {Message}", source, text);
#pragma warning restore CA2254
    }
}
