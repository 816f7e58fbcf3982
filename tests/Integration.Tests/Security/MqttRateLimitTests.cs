using System.Diagnostics;
using System.Globalization;
using IotService.Integration.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Integration.Tests.Security;

/// <summary>Issue 14 item 4: <c>Ingest:MaxMessagesPerSecondPerDevice</c> (20 a second, bursts of 10 here).</summary>
public sealed class MqttRateLimitTests : IAsyncLifetime
{
    private const int Rate = 20;
    private const int Burst = 10;

    private HubHost _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Ingest:MaxMessagesPerSecondPerDevice"] = Rate.ToString(CultureInfo.InvariantCulture),
            ["Ingest:MessageBurstPerDevice"] = Burst.ToString(CultureInfo.InvariantCulture),
        });
        await _hub.CreateChillerModelAsync();
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task AQos0FloodIsCutToTheBucketAndEveryDroppedMessageIsCounted()
    {
        const int sent = 200;
        var flooder = HubFixture.NewDeviceId("flood");
        var other = HubFixture.NewDeviceId("calm");
        var (floodSecret, _) = await _hub.RegisterDeviceAsync(flooder);
        var (otherSecret, _) = await _hub.RegisterDeviceAsync(other);
        await using var device = await MqttDevice.ConnectAsync(_hub.MqttPort, flooder, floodSecret);
        await using var calm = await MqttDevice.ConnectAsync(_hub.MqttPort, other, otherSecret);
        var (acceptedBefore, droppedBefore) = await CountsAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < sent; i++)
        {
            await device.PublishAsync(Reading(start, i), qos: MqttQualityOfServiceLevel.AtMostOnce);
        }

        // A device of its own is not held back by the flooder's empty bucket.
        for (var i = 0; i < Burst; i++)
        {
            await calm.PublishAsync(Reading(start, i), qos: MqttQualityOfServiceLevel.AtMostOnce);
        }

        var (accepted, dropped) = await Eventually.GetAsync(
            async () => (await CountsAsync()) is var (a, d) ? (a - acceptedBefore, d - droppedBefore) : default,
            c => c.Item1 + c.Item2 == sent + Burst,
            TimeSpan.FromSeconds(60),
            "every message accepted or dropped (the hub reads a flooding connection no faster than its rate)");
        var elapsed = clock.Elapsed.TotalSeconds;
        var stored = await StoredAsync(flooder, start, count => count == accepted - Burst);

        Assert.Equal(sent - stored, dropped);
        Assert.InRange(stored, Burst, Burst + (int)Math.Ceiling(Rate * elapsed) + 1);
        Assert.Equal(Burst, await StoredAsync(other, start, count => count == Burst));
    }

    [Fact]
    public async Task AQos1FloodLosesNothingAndIsAcknowledgedNoFasterThanTheRate()
    {
        const int sent = 60;
        var id = HubFixture.NewDeviceId("flood");
        var (secret, _) = await _hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(_hub.MqttPort, id, secret);
        var delayedBefore = (await _hub.StatsAsync())["rateDelayed"]!.GetValue<long>();
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);

        var clock = Stopwatch.StartNew();
        var acks = new List<MqttClientPublishReasonCode>();
        for (var i = 0; i < sent; i++)
        {
            acks.Add((await device.PublishAsync(Reading(start, i))).ReasonCode);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var delayed = (await _hub.StatsAsync())["rateDelayed"]!.GetValue<long>() - delayedBefore;

        Assert.All(acks, a => Assert.Equal(MqttClientPublishReasonCode.Success, a));
        Assert.Equal(sent, await StoredAsync(id, start, count => count == sent));
        Assert.InRange(delayed, 1, sent - Burst);
        // The bucket lets the burst through at once and one message per 1/Rate s after it (a little slack for clock granularity).
        Assert.True(elapsed >= (sent - Burst) / (double)Rate * 0.95, $"{sent} messages were acknowledged in {elapsed:F2} s");
    }

    private static string Reading(DateTimeOffset start, int i)
        => $$$"""{"ts":{{{start.AddMilliseconds(i).ToUnixTimeMilliseconds()}}},"values":{"temperature":{{{(i % 100).ToString(CultureInfo.InvariantCulture)}}}}}""";

    private async Task<(long Accepted, long Dropped)> CountsAsync()
    {
        var stats = await _hub.StatsAsync();
        return (stats["acceptedReadings"]!.GetValue<long>(), stats["rateLimited"]!.GetValue<long>());
    }

    private async Task<int> StoredAsync(string device, DateTimeOffset start, Func<int, bool> done)
        => await Eventually.GetAsync(
            async () => (await HubApi.StoredAsync(_hub.Admin, device, "temperature", start.AddSeconds(-1), start.AddMinutes(1))).Count,
            done,
            what: $"readings of {device} stored");
}
