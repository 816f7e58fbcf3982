using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace IotService.Dashboard.Demo;

/// <summary>The simulator's MQTT calls: they count what happened instead of throwing.</summary>
internal static class MqttClientCalls
{
    private const int NoSubscriberAttempts = 5;
    private static readonly TimeSpan NoSubscriberPause = TimeSpan.FromSeconds(1);

    public static async Task PublishCountedAsync(
        this IMqttClient client, string topic, byte[] payload, MqttQualityOfServiceLevel qos, DemoStats stats, string deviceId, CancellationToken cancellationToken)
    {
        try
        {
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build();
            var result = await client.PublishAsync(message, cancellationToken);

            // "No matching subscribers" comes only from an external broker no hub has subscribed to yet (just after
            // it restarted) and means the reading reached nobody: a device sends it again (docs/ingest.md).
            for (var attempt = 1; result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers && attempt <= NoSubscriberAttempts; attempt++)
            {
                await Task.Delay(NoSubscriberPause, cancellationToken);
                result = await client.PublishAsync(message, cancellationToken);
            }

            // Other MQTT 5 reason codes below 0x80 are successes.
            if (result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                stats.OnRejected($"{deviceId}: no hub has subscribed at the broker");
            }
            else if ((int)result.ReasonCode < 0x80)
            {
                stats.OnPublished();
            }
            else
            {
                stats.OnRejected($"{deviceId}: {result.ReasonCode} {result.ReasonString}");
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: whatever was in flight ends with the connection, which is no failure.
        }
        catch (Exception ex)
        {
            stats.OnPublishFailed($"{deviceId}: {ex.Message}");
        }
    }

    public static async Task DisconnectQuietlyAsync(this IMqttClient client, CancellationToken cancellationToken)
    {
        try
        {
            var options = new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build();
            await client.DisconnectAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MqttCommunicationException or ObjectDisposedException)
        {
            // Already gone; nothing left to tidy.
        }
    }
}
