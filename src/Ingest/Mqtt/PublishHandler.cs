using IotService.Ingest.Directory;
using IotService.Ingest.Mqtt.Limits;
using IotService.Ingest.Payloads;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IotService.Ingest.Mqtt;

/// <summary>
/// A device's publish on the embedded broker: its device's rate limit, then the ingest pipeline. MQTTnet holds the
/// PUBACK until this returns, so a QoS 1 message is acknowledged once stored, and one waiting for a token holds back
/// its device's next messages on that connection.
/// </summary>
public sealed partial class PublishHandler(IngestProcessor processor, DeviceRateLimiter rateLimiter, DeviceDirectory directory, ILogger<PublishHandler> logger)
{
    public async Task HandleAsync(InterceptingPublishEventArgs e)
    {
        e.ProcessPublish = false;
        var message = e.ApplicationMessage;
        var deviceId = string.IsNullOrEmpty(e.UserName) ? null : e.UserName;
        var reliable = message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce;
        try
        {
            if (!await rateLimiter.AdmitAsync(deviceId ?? RegisteredDeviceOf(message.Topic), reliable, e.CancellationToken))
            {
                return;
            }

            var result = await processor.ProcessAsync(message.Topic, message.Payload, reliable, deviceId, e.CancellationToken);

            // MQTTnet holds the PUBACK until this handler returns: for QoS 1 it now means "stored".
            await result.Stored.WaitAsync(e.CancellationToken);
            e.Response.ReasonCode = result.Outcome switch
            {
                PublishOutcome.Accepted => MqttPubAckReasonCode.Success,
                PublishOutcome.NotAuthorized => MqttPubAckReasonCode.NotAuthorized,
                _ => MqttPubAckReasonCode.PayloadFormatInvalid,
            };
        }
        catch (Exception ex) when (ex is OperationCanceledException or NotStoredException)
        {
            // Closing, or history failed: no PUBACK (the connection drops), so the device sends again.
            // A failure reason code would not do: MQTT 3.1.1 clients read any PUBACK as success.
            throw;
        }
        catch (Exception ex)
        {
            // Never reached by bad input (the parser does not throw); a bug must not kill the connection.
            LogPublishFailed(ex, deviceId);
            e.Response.ReasonCode = MqttPubAckReasonCode.ImplementationSpecificError;
        }
    }

    /// <summary>An anonymous client's messages count against the device whose topic they use, if it exists.</summary>
    private string? RegisteredDeviceOf(string topic)
        => TopicParser.TryParse(topic, out var id, out _) && directory.TryGetDevice(id, out _) ? id : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Publish from {DeviceId} failed")]
    private partial void LogPublishFailed(Exception exception, string? deviceId);
}
