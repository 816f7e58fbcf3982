using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Alarms;

/// <summary>
/// Predictive maintenance over real MQTT: a device replays five days of a temperature drifting towards its limit,
/// and the forecast rule raises before the limit is reached, saying when it expects the crossing, with a predictive
/// work order due before then. A hub restarted in the middle of the series forecasts exactly what one that ran
/// through does.
/// </summary>
public sealed class ForecastAlarmTests
{
    private const double Limit = 90;
    private const int Readings = 5 * 144;
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    // The last reading is one interval before the tests start; 5 °C a day from 60 °C reaches 90 °C a day after it.
    private static readonly DateTimeOffset Start = MinuteNow().Subtract(Every * Readings);

    [Fact]
    public async Task ADriftTowardsTheLimitRaisesAForecastAlarmAndAPredictiveWorkOrderDueBeforeTheCrossing()
    {
        await using var hub = await HubHost.StartAsync();
        await CreateChillerModelAsync(hub);
        var (secret, _) = await hub.RegisterDeviceAsync("chiller-f1", "chiller-f");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "chiller-f1", secret);
        var series = Series(seed: 7).ToList();

        await device.PublishAsync(series);

        var alarm = Assert.Single(await hub.WaitForAlarmsAsync("chiller-f1", a => a.Count > 0, "forecast alarm"));
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(("warming", "forecast", "active"), (alarm.Text("ruleId"), alarm.Text("ruleKind"), alarm.Text("state")));
        var why = alarm!["explanation"]!;
        var forecast = why["forecast"]!;
        var (crossing, earliest, latest) = (Time(forecast, "crossingAt"), Time(forecast, "earliest"), Time(forecast, "latest"));
        Assert.Equal(Limit, forecast["limit"]!.GetValue<double>());
        Assert.True(crossing > now, $"the crossing {crossing:O} is predicted in the future (now {now:O})");
        Assert.InRange(crossing, now.AddHours(12), now.AddHours(36));
        Assert.True(earliest < crossing && crossing < latest, $"{earliest:O} < {crossing:O} < {latest:O}");
        Assert.InRange(why["observed"]!.GetValue<double>(), 75, Limit);
        Assert.True(series[^1].Values["temperature"] < Limit, "raised before the limit was reached");
        Assert.Contains("expected to reach 90 °C", why.Text("text"), StringComparison.Ordinal);

        var order = Assert.Single(await Eventually.GetAsync(() => hub.WorkOrdersAsync("deviceId=chiller-f1"), o => o.Count > 0, what: "the predictive work order"));
        Assert.Equal(("predictive", alarm.Text("id")), (order.Text("type"), order.Text("alarmId")));
        var due = Time(order, "dueAt");
        Assert.True(due < crossing, $"due {due:O} before the crossing {crossing:O}");
        Assert.Equal(earliest, due);
    }

    [Fact]
    public async Task AHubRestartedInTheMiddleOfTheDriftForecastsTheSameCrossingAsOneThatRanThrough()
    {
        var through = await ExplanationAsync(restartAfter: null);
        var restarted = await ExplanationAsync(restartAfter: Readings / 2);

        Assert.NotNull(through["forecast"]);
        Assert.Equal(through.ToJsonString(), restarted.ToJsonString());
    }

    private static async Task<JsonNode> ExplanationAsync(int? restartAfter)
    {
        var hub = await HubHost.StartAsync();
        await CreateChillerModelAsync(hub);
        var (secret, _) = await hub.RegisterDeviceAsync("chiller-f2", "chiller-f");
        var series = Series(seed: 11).ToList();
        var split = restartAfter ?? series.Count;
        await using (var device = await MqttDevice.ConnectAsync(hub.MqttPort, "chiller-f2", secret))
        {
            await device.PublishAsync(series.Take(split));
        }

        if (restartAfter is not null)
        {
            Assert.Empty(await hub.AlarmsAsync("deviceId=chiller-f2"));
            await hub.WaitForValueAsync("chiller-f2", "temperature", series[split - 1].Values["temperature"]);
            await hub.StopAsync();
            await hub.DisposeAsync();
            hub = await HubHost.StartAsync(hub.DataPath);
        }

        await using (hub)
        {
            await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "chiller-f2", secret);
            await device.PublishAsync(series.Skip(split));
            var alarm = Assert.Single(await hub.WaitForAlarmsAsync("chiller-f2", a => a.Count > 0, "forecast alarm"));
            return alarm!["explanation"]!.DeepClone();
        }
    }

    private static async Task CreateChillerModelAsync(HubHost hub)
    {
        var body = new
        {
            id = "chiller-f",
            name = "Chiller F",
            properties = new object[] { new { name = "temperature", unit = "°C", min = -40, max = 150, visibility = "customer" } },
            rules = new object[] { new { id = "warming", kind = "forecast", property = "temperature", limit = Limit, horizonSeconds = 2 * 86_400, severity = "major" } },
            actions = new Dictionary<string, string[]> { ["major"] = ["notifyOwner", "createWorkOrder"] },
            workOrder = new { type = "repair", skill = "refrigeration", level = 2 },
        };
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/device-models", body), HttpStatusCode.Created);
    }

    /// <summary>60 °C rising 5 °C a day with a little noise, one reading every 10 minutes: 85 °C at the last.</summary>
    private static IEnumerable<(DateTimeOffset At, IReadOnlyDictionary<string, double> Values)> Series(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Readings; i++)
        {
            var at = Start + (Every * i);
            var value = Math.Round(60 + (5 * (at - Start).TotalDays) + (random.NextDouble() - 0.5), 2);
            yield return (at, new Dictionary<string, double> { ["temperature"] = value });
        }
    }

    private static DateTimeOffset Time(JsonNode? node, string property) => DateTimeOffset.Parse(node.Text(property), CultureInfo.InvariantCulture);

    private static DateTimeOffset MinuteNow()
    {
        var now = DateTimeOffset.UtcNow;
        return now.Subtract(TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute));
    }
}
