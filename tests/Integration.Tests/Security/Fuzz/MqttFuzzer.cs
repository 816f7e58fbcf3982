using System.Collections.Concurrent;
using IotService.Integration.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// Publishes seeded cases from real MQTT 5 clients, QoS 1, one device per connection and all connections at once,
/// and keeps what each PUBACK said: the tally a test compares with the hub's own counters.
/// </summary>
public sealed class MqttFuzzer
{
    public ConcurrentDictionary<string, int> Sent { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<(TelemetryCase Case, MqttClientPublishReasonCode Code)> Answers { get; } = [];

    public int Total => Sent.Values.Sum();

    /// <param name="next">The next case of device <c>i</c>; called from that device's loop only.</param>
    public Task RunAsync(IReadOnlyList<MqttDevice> devices, int count, Func<int, TelemetryCase> next)
        => Task.WhenAll(devices.Select(async (device, i) =>
        {
            for (var n = i; n < count; n += devices.Count)
            {
                var @case = next(i);
                var answer = await device.Client.PublishAsync(new MqttApplicationMessageBuilder()
                    .WithTopic(@case.Topic)
                    .WithPayload(@case.Payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build());
                Sent.AddOrUpdate(@case.Reason ?? "accepted", 1, (_, c) => c + 1);
                Answers.Add((@case, answer.ReasonCode));
            }
        }));
}
