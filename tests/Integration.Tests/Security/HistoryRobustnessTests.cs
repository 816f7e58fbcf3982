using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Contracts.Telemetry;
using IotService.Integration.Tests.Infrastructure;
using IotService.Storage.History;

namespace IotService.Integration.Tests.Security;

/// <summary>
/// Security issue row 11: one reading of 1.7e308 made every later <c>interval=1h</c> query of its series fail with an
/// internal message, because the sum of two such readings is not a number JSON can carry. Whatever was stored
/// before values were range-checked, a history query answers.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class HistoryRobustnessTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task HugeStoredValuesNeverMakeAHistoryQueryFailAndTheirMeansStayFinite()
    {
        var device = HubFixture.NewDeviceId();
        await Hub.RegisterDeviceAsync(device, customerId: "cust-a");
        var hour = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        double[] values = [1.7e308, 1.7e308, -1.7e308, -1.7e308, -1.7e308, 5];
        var points = values.Select((v, i) => new HistoryPoint(device, "chiller-x", "cust-a", hour.AddMinutes(i), [new PropertyReading("temperature", v)])).ToArray();
        await Hub.Get<IHistoryStore>().WriteAsync(points, CancellationToken.None);

        var range = $"from={Uri.EscapeDataString(hour.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(hour.AddHours(1).ToString("O", CultureInfo.InvariantCulture))}";
        var hourly = await Hub.Admin.GetAsync($"/api/devices/{device}/telemetry?property=temperature&interval=1h&{range}");
        var perMinute = await Hub.Admin.GetAsync($"/api/devices/{device}/telemetry?property=temperature&interval=2m&{range}");
        var raw = await Hub.Admin.GetAsync($"/api/devices/{device}/telemetry?property=temperature&{range}");

        Assert.Equal(HttpStatusCode.OK, hourly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, perMinute.StatusCode);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        var bucket = Assert.Single((await hourly.Content.ReadFromJsonAsync<JsonObject>())!["series"]![0]!["aggregates"]!.AsArray())!;
        Assert.Equal((6, -1.7e308, 1.7e308), (bucket["count"]!.GetValue<long>(), bucket["min"]!.GetValue<double>(), bucket["max"]!.GetValue<double>()));
        Assert.True(double.IsFinite(bucket["mean"]!.GetValue<double>()));
        var twoMinutes = (await perMinute.Content.ReadFromJsonAsync<JsonObject>())!["series"]![0]!["aggregates"]!.AsArray();
        Assert.Equal([1.7e308, -1.7e308, -8.5e307], twoMinutes.Select(b => b!["mean"]!.GetValue<double>()));
    }
}
