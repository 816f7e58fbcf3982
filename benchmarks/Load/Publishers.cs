using System.Diagnostics;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Benchmarks.Load;

/// <summary>What one connection does during a run: publish like a device, or flood.</summary>
public static class Publishers
{
    /// <summary>A flooding QoS 1 device keeps this many publishes in flight, so the broker always has the next one.</summary>
    private const int FloodInFlight = 16;

    /// <summary>
    /// One message in flight, as a device does; paced to <paramref name="rate"/> a second when it is above 0, each
    /// connection at its own phase within the period (devices are not synchronised, and 200 publishes landing in the
    /// same millisecond would measure a burst, not a rate). A connection that falls behind catches up at once.
    /// </summary>
    public static async Task<long> PublishAsync(IMqttClient client, string deviceId, string[] properties, int qos, double rate, List<double> latencies, PublishRefusals refusals, CancellationToken stop)
    {
        var topic = $"devices/{deviceId}/telemetry";
        var random = new Random(deviceId.GetHashCode(StringComparison.Ordinal));
        var builder = new StringBuilder();
        var phase = random.NextDouble();
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        var acknowledged = 0L;
        while (!stop.IsCancellationRequested)
        {
            if (rate > 0 && !await WaitForTurnAsync(clock, (sent + phase) / rate, stop))
            {
                break;
            }

            var message = Message(topic, Payload(builder, random, properties), qos);
            var started = Stopwatch.GetTimestamp();
            if (await TryPublishAsync(client, message) is not { } reason)
            {
                break;
            }

            sent++;
            if (PublishRefusals.Accepted(reason))
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                acknowledged++;
            }
            else
            {
                refusals.Add(reason);
            }
        }

        return acknowledged;
    }

    /// <summary>As fast as the connection takes them: QoS 0 as fast as they can be written, QoS 1 with several in flight.</summary>
    public static async Task<long> FloodAsync(IMqttClient client, string deviceId, string[] properties, int qos, PublishRefusals refusals, CancellationToken stop)
    {
        var topic = $"devices/{deviceId}/telemetry";
        var loops = Enumerable.Range(0, qos == 0 ? 1 : FloodInFlight).Select(async n =>
        {
            var random = new Random(n);
            var builder = new StringBuilder();
            var acknowledged = 0L;
            while (!stop.IsCancellationRequested && await TryPublishAsync(client, Message(topic, Payload(builder, random, properties), qos)) is { } reason)
            {
                if (PublishRefusals.Accepted(reason))
                {
                    acknowledged++;
                }
                else
                {
                    refusals.Add(reason);
                }
            }

            return acknowledged;
        });
        return (await Task.WhenAll(loops)).Sum();
    }

    private static async Task<bool> WaitForTurnAsync(Stopwatch clock, double dueSeconds, CancellationToken stop)
    {
        var wait = TimeSpan.FromSeconds(dueSeconds) - clock.Elapsed;
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <returns>The broker's answer (QoS 0: success once written), or null when the connection is gone.</returns>
    private static async Task<MqttClientPublishReasonCode?> TryPublishAsync(IMqttClient client, MqttApplicationMessage message)
    {
        try
        {
            return (await client.PublishAsync(message, CancellationToken.None)).ReasonCode;
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
        {
            return null;
        }
    }

    private static MqttApplicationMessage Message(string topic, string payload, int qos)
        => new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel((MqttQualityOfServiceLevel)qos).Build();

    private static string Payload(StringBuilder builder, Random random, string[] properties)
    {
        builder.Clear().Append("{\"values\":{");
        for (var i = 0; i < properties.Length; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append('"').Append(properties[i]).Append("\":")
                .Append((random.NextDouble() * 100).ToString("F2", CultureInfo.InvariantCulture));
        }

        return builder.Append("}}").ToString();
    }
}
