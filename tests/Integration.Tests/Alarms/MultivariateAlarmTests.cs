using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Alarms;

/// <summary>
/// The multivariate detector end to end: a heating loop reports supply and return temperature over MQTT (return is
/// supply + 5 °C, both swinging through the day); once a day of history is stored the hub trains the model's
/// detector (seen through <c>GET /api/device-models/{id}/anomaly-model</c>), and readings whose values are each
/// ordinary but whose relation is broken raise an anomaly alarm naming both properties.
/// </summary>
public sealed class MultivariateAlarmTests
{
    private const int HistoryMinutes = 1440;
    private const int MinRows = 1000;

    // The history ends five minutes ago; the broken readings follow it, so every timestamp is in the past.
    private static readonly DateTimeOffset Start = MinuteNow().AddMinutes(-(HistoryMinutes + 5));

    [Fact]
    public async Task ReadingsInRangeWhoseRelationIsBrokenRaiseAnAnomalyAlarmThatNamesBothProperties()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            // Look for due models every second, retry a thin history every second, and train on most of one day.
            ["Anomaly:Multivariate:CheckEvery"] = "00:00:01",
            ["Anomaly:Multivariate:RetryEvery"] = "00:00:01",
            ["Anomaly:Multivariate:History"] = "2.00:00:00",
            ["Anomaly:Multivariate:MinRows"] = MinRows.ToString(CultureInfo.InvariantCulture),
        });
        await CreateLoopModelAsync(hub);
        var (secret, _) = await hub.RegisterDeviceAsync("loop-1", "heating-loop");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "loop-1", secret);

        await device.PublishAsync(Enumerable.Range(0, HistoryMinutes).Select(Normal));

        var detector = await Eventually.GetAsync(
            () => hub.Admin.GetAsync("/api/device-models/heating-loop/anomaly-model"),
            r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "a trained detector");
        var described = (await detector.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, described["version"]!.GetValue<int>());
        Assert.InRange(described["rows"]!.GetValue<long>(), MinRows, HistoryMinutes);
        Assert.Equal(["supply", "return"], described["properties"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty(await hub.AlarmsAsync("deviceId=loop-1"));

        // The return runs 3.5 °C above the supply instead of 5 ± 0.2: each value moves no more than an ordinary minute's noise.
        var broken = new List<(DateTimeOffset At, IReadOnlyDictionary<string, double> Values)>();
        for (var minute = HistoryMinutes; minute < HistoryMinutes + 2; minute++)
        {
            var (at, supply) = (At(minute), Supply(minute, 0));
            broken.Add((at, new Dictionary<string, double> { ["supply"] = supply, ["return"] = supply + 3.5 }));

            // One reading per batch: the detector needs two scored batches in a row to raise.
            await device.PublishAsync([broken[^1]]);
            await hub.WaitForValueAsync("loop-1", "return", supply + 3.5);
        }

        var alarm = Assert.Single(await hub.WaitForAlarmsAsync("loop-1", a => a.Count > 0, "multivariate anomaly alarm"));
        Assert.Equal(("relation", "anomaly", "active"), (alarm.Text("ruleId"), alarm.Text("ruleKind"), alarm.Text("state")));
        var why = alarm!["explanation"]!;
        Assert.StartsWith("supply and return do not fit together as usual", why.Text("text"), StringComparison.Ordinal);
        Assert.InRange(why["score"]!.GetValue<double>(), 0.85, 1);
        Assert.Equal(At(HistoryMinutes), DateTimeOffset.Parse(why.Text("deviatingSince"), CultureInfo.InvariantCulture));
        var contributors = why["contributors"]!.AsArray().ToDictionary(c => c.Text("property"), c => c!);
        Assert.Equal(["return", "supply"], contributors.Keys.Order());
        Assert.Equal(1, contributors.Values.Sum(c => c["share"]!.GetValue<double>()), 3);
        var last = broken[^1].Values;
        var (supplyPart, returnPart) = (contributors["supply"], contributors["return"]);
        Assert.All(contributors.Values, c => Assert.InRange(c["share"]!.GetValue<double>(), 0.2, 0.8));
        Assert.Equal((last["supply"], last["return"]), (supplyPart["observed"]!.GetValue<double>(), returnPart["observed"]!.GetValue<double>()));

        // The relation expects the two to be 5 °C apart, so it expects the supply lower and the return higher than seen.
        Assert.True(supplyPart["expected"]!.GetValue<double>() < last["supply"], $"supply expected below {last["supply"]}: {supplyPart}");
        Assert.True(returnPart["expected"]!.GetValue<double>() > last["return"], $"return expected above {last["return"]}: {returnPart}");
        Assert.InRange(returnPart["expected"]!.GetValue<double>() - supplyPart["expected"]!.GetValue<double>(), 4, 6);
    }

    private static async Task CreateLoopModelAsync(HubHost hub)
    {
        var body = new
        {
            id = "heating-loop",
            name = "Heating loop",
            properties = new object[]
            {
                new { name = "supply", unit = "°C", min = -20, max = 120, visibility = "customer" },
                new { name = "return", unit = "°C", min = -20, max = 120, visibility = "customer" },
            },
            rules = new object[] { new { id = "relation", kind = "anomaly", severity = "major" } },
            actions = new Dictionary<string, string[]> { ["major"] = ["notifyOwner"] },
        };
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/device-models", body), HttpStatusCode.Created);
    }

    /// <summary>
    /// Minute <paramref name="minute"/> of normal operation: the supply swings 15 ± 4 °C through the day with ±1.5 °C of
    /// noise of its own, and the return follows it 5 °C higher within ±0.2 °C, so the relation is far tighter than
    /// either value.
    /// </summary>
    private static (DateTimeOffset, IReadOnlyDictionary<string, double>) Normal(int minute)
    {
        var random = new Random(minute);
        var supply = Supply(minute, random.NextDouble() - 0.5);
        var ret = Math.Round(supply + 5 + (0.4 * (random.NextDouble() - 0.5)), 2);
        return (At(minute), new Dictionary<string, double> { ["supply"] = supply, ["return"] = ret });
    }

    private static double Supply(int minute, double noise) => Math.Round(15 + (4 * Math.Sin(2 * Math.PI * minute / 1440.0)) + (3 * noise), 2);

    private static DateTimeOffset At(int minute) => Start.AddMinutes(minute);

    private static DateTimeOffset MinuteNow()
    {
        var now = DateTimeOffset.UtcNow;
        return now.Subtract(TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute));
    }
}
