using IotService.Integration.Tests.Infrastructure;
using MQTTnet;

namespace IotService.Integration.Tests.Ingest;

/// <summary>Every kind of bad input is rejected, counted by reason, and does not stop a good reading sent right after it.</summary>
[Collection(HubCollection.Name)]
public sealed class BadInputTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    public static TheoryData<string, string, string> Cases()
    {
        var future = DateTimeOffset.UtcNow.AddDays(1).ToString("O");
        return new TheoryData<string, string, string>
        {
            { "malformed_json", "telemetry", """{"values":{"temperature":""" },
            { "malformed_json", "telemetry", "not json at all" },
            { "undeclared_property", "telemetry", """{"values":{"pressure":3.5}}""" },
            { "invalid_value", "telemetry", """{"values":{"temperature":"NaN"}}""" },
            { "invalid_value", "telemetry", """{"values":{"temperature":1e999}}""" },
            { "invalid_value", "telemetry", """{"values":{"temperature":null}}""" },
            { "timestamp_out_of_range", "telemetry", $$$"""{"ts":"{{{future}}}","values":{"temperature":1}}""" },
            { "timestamp_out_of_range", "telemetry", """{"ts":"2001-01-01T00:00:00Z","values":{"temperature":1}}""" },
            { "timestamp_out_of_range", "telemetry", """{"ts":"yesterday","values":{"temperature":1}}""" },
            { "out_of_range", "telemetry", """{"values":{"temperature":150.5}}""" },
            { "invalid_location", "telemetry", """{"values":{"temperature":1},"location":{"lat":200,"lon":0}}""" },
            { "payload_too_large", "telemetry", "{\"values\":{\"temperature\":1},\"pad\":\"" + new string('x', 70_000) + "\"}" },
            { "wrong_topic", "telemetryx", """{"values":{"temperature":1}}""" },
            { "invalid_status", "status", "sleeping" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInputIsRejectedAndCountedWhileAGoodReadingInTheSameSecondIsAccepted(string reason, string topicKind, string payload)
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        var before = await Hub.RejectedAsync(reason);
        var acceptedBefore = (await Hub.StatsAsync())["acceptedReadings"]!.GetValue<long>();

        var bad = await device.PublishAsync(payload, topic: $"devices/{id}/{topicKind}");
        var good = await device.PublishAsync("""{"values":{"temperature":42.5}}""");

        Assert.NotEqual(MqttClientPublishReasonCode.Success, bad.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, good.ReasonCode);
        await Hub.WaitForValueAsync(id, "temperature", 42.5);
        Assert.Equal(before + 1, await Hub.RejectedAsync(reason));
        Assert.Equal(acceptedBefore + 1, (await Hub.StatsAsync())["acceptedReadings"]!.GetValue<long>());
        Assert.True(device.Client.IsConnected);
    }

    [Fact]
    public async Task ArrayWithOneBadReadingKeepsTheGoodOnes()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        var before = await Hub.RejectedAsync("invalid_value");

        var ack = await device.PublishAsync("""[{"values":{"rpm":100}},{"values":{"rpm":"fast"}},{"values":{"temperature":7.25}}]""");

        Assert.Equal(MqttClientPublishReasonCode.Success, ack.ReasonCode);
        var state = await Hub.WaitForValueAsync(id, "temperature", 7.25);
        Assert.Equal(100, state.Value("rpm"));
        Assert.Equal(before + 1, await Hub.RejectedAsync("invalid_value"));
    }

    [Fact]
    public async Task RandomGarbageNeverDisconnectsTheDeviceOrStopsIngest()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        var random = new Random(1234);

        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            await device.PublishBytesAsync(bytes);
        }

        await device.PublishAsync("""{"values":{"temperature":-3}}""");
        await Hub.WaitForValueAsync(id, "temperature", -3);
        Assert.True(device.Client.IsConnected);
    }
}
