using IotService.Ingest.Payloads;

namespace IotService.Ingest.Tests.Payloads;

public sealed class TopicParserTests
{
    [Theory]
    [InlineData("devices/pump-7/telemetry", "pump-7", TopicKind.Telemetry)]
    [InlineData("devices/pump-7/status", "pump-7", TopicKind.Status)]
    [InlineData("devices/a/status", "a", TopicKind.Status)]
    [InlineData("devices/Site_1.Line:2-x/telemetry", "Site_1.Line:2-x", TopicKind.Telemetry)]
    public void AcceptsTelemetryAndStatusTopicsOfAValidDeviceId(string topic, string deviceId, TopicKind kind)
    {
        Assert.True(TopicParser.TryParse(topic, out var parsedId, out var parsedKind));
        Assert.Equal(deviceId, parsedId);
        Assert.Equal(kind, parsedKind);
    }

    [Fact]
    public void AcceptsADeviceIdOfExactlySixtyFourCharacters()
    {
        string id = new('d', 64);

        Assert.True(TopicParser.TryParse($"devices/{id}/telemetry", out var parsedId, out _));
        Assert.Equal(id, parsedId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("devices")]
    [InlineData("devices/")]
    [InlineData("devices/a")]
    [InlineData("devices/a/")]
    [InlineData("devices//telemetry")]
    [InlineData("devices/a/b/telemetry")]
    [InlineData("devices/a/telemetry/")]
    [InlineData("devices/a/status/x")]
    [InlineData("devices/a/Telemetry")]
    [InlineData("devices/a/events")]
    [InlineData("Devices/a/telemetry")]
    [InlineData("/devices/a/telemetry")]
    [InlineData("device/a/telemetry")]
    [InlineData("devices/a+/telemetry")]
    [InlineData("devices/+/telemetry")]
    [InlineData("devices/#/status")]
    [InlineData("devices/a b/status")]
    [InlineData("devices/a\t/status")]
    [InlineData("devices/é/status")]
    [InlineData("devices/a\u0000/status")]
    [InlineData("devices/ddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd/status")]
    public void RejectsEveryOtherTopic(string topic)
    {
        Assert.False(TopicParser.TryParse(topic, out var deviceId, out _));
        Assert.Equal(string.Empty, deviceId);
    }

    [Fact]
    public void RejectsANullTopicWithoutThrowing()
    {
        Assert.False(TopicParser.TryParse(null!, out _, out _));
    }
}
