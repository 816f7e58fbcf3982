using IotService.Integration.Tests.Infrastructure;
using MQTTnet;

namespace IotService.Integration.Tests.Security;

/// <summary>Issue 14 row 11, the ingest half: a value outside its property's declared range is rejected, counted and not stored.</summary>
[Collection(HubCollection.Name)]
public sealed class ValueRangeTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task AValueOf1e308OnAPropertyDeclared0To150IsCountedOutOfRangeAndNotStored()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id);
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        var before = await Hub.RejectedAsync("out_of_range");
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);

        var huge = await device.PublishAsync($$$"""{"ts":{{{at.ToUnixTimeMilliseconds()}}},"values":{"temperature":1.7e308}}""");
        var good = await device.PublishAsync($$$"""{"ts":{{{at.AddSeconds(1).ToUnixTimeMilliseconds()}}},"values":{"temperature":150}}""");

        Assert.Equal(MqttClientPublishReasonCode.PayloadFormatInvalid, huge.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.Success, good.ReasonCode);
        Assert.Equal(before + 1, await Hub.RejectedAsync("out_of_range"));
        var stored = await HubApi.StoredAsync(Hub.Admin, id, "temperature", at.AddSeconds(-1), at.AddSeconds(5));
        Assert.Equal(new Dictionary<long, double> { [at.AddSeconds(1).ToUnixTimeMilliseconds()] = 150 }, stored);
    }
}
