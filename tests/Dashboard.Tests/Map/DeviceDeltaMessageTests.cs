using System.Text.Json;
using System.Text.Json.Serialization;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Map;

namespace IotService.Dashboard.Tests.Map;

public sealed class DeviceDeltaMessageTests
{
    private static readonly JsonSerializerOptions Api = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheClientMessageLeavesOutWhatDidNotChange()
    {
        var delta = new DeviceDelta("dev-1", "chiller-x", null, T0, false) { HighestActiveSeverity = Severity.Critical, Location = new GeoPoint(31.2, 121.5) };

        var text = JsonSerializer.Serialize(DeviceDeltaMessage.From(delta), Api);

        Assert.Equal("""{"id":"dev-1","modelId":"chiller-x","lat":31.2,"lon":121.5,"severity":"critical"}""", text);
    }

    [Fact]
    public void ACompleteDeltaSaysSoAndCarriesItsValues()
    {
        var delta = new DeviceDelta("dev-1", "chiller-x", "cust-1", T0, true)
        {
            Status = DeviceStatus.Online,
            HighestActiveSeverity = Severity.None,
            Values = new Dictionary<string, PropertyValue> { ["rpm"] = new(1200, T0) },
        };

        var text = JsonSerializer.Serialize(DeviceDeltaMessage.From(delta), Api);

        Assert.Equal(
            """{"id":"dev-1","modelId":"chiller-x","customerId":"cust-1","complete":true,"status":"online","severity":"none","values":{"rpm":{"value":1200,"timestamp":"2026-12-07T08:00:00+00:00"}}}""",
            text);
    }
}
