using System.Text;
using IotService.Contracts.Common;
using IotService.Dashboard.Demo;

namespace IotService.Dashboard.Tests.Demo;

public sealed class TelemetryPayloadTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, 250, TimeSpan.Zero);

    [Fact]
    public void AFixedDeviceSendsTimestampAndRoundedValues()
    {
        var json = TelemetryPayload.Write(At, DemoModels.FurnaceMonitor, [1040.1234, 1036.5, 34], location: null);

        Assert.Equal(
            """{"ts":"2026-11-23T10:00:00.250Z","values":{"furnace_temp":1040.12,"thermocouple_temp":1036.5,"ambient_temp":34}}""",
            Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void AMobileDeviceAlsoSendsWhereItIs()
    {
        var json = TelemetryPayload.Write(At.ToOffset(TimeSpan.FromHours(8)), DemoModels.CleaningRobot, [87.456, 620, 1850, 64.2, 3.1, 412.77, 0], new GeoPoint(1.35211234, 103.81981234));

        Assert.Equal(
            """{"ts":"2026-11-23T10:00:00.250Z","values":{"battery":87.46,"brush_rpm":620,"suction":1850,"water_tank":64.2,"position_error":3.1,"cleaned_area":412.77,"error_code":0},"location":{"lat":1.352112,"lon":103.819812}}""",
            Encoding.UTF8.GetString(json));
    }
}
