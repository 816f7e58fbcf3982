using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Alarms;

/// <summary>
/// Anomaly rules in the device grain over real MQTT: a series with a fault raises an anomaly alarm whose explanation
/// the API shows (property, learned range, observed, score, since when), and a hub restarted in the middle of the
/// series finds the same anomaly with the same explanation as one that ran through.
/// </summary>
public sealed class AnomalyAlarmTests
{
    private const int Normal = 300;
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddMinutes(-(Normal + 60)).Subtract(TimeSpan.FromTicks(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerMinute));

    [Fact]
    public async Task AFaultAfterSteadyReadingsRaisesAnAnomalyAlarmThatSaysWhatWasExpectedAndWhatWasSeen()
    {
        await using var hub = await HubHost.StartAsync();
        await CreatePumpModelAsync(hub);
        var (secret, _) = await hub.RegisterDeviceAsync("pump-1", "pump-a");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "pump-1", secret);

        await PublishAsync(device, Series(seed: 3).Take(Normal), first: 0);
        Assert.Empty(await hub.AlarmsAsync("deviceId=pump-1"));
        await PublishAsync(device, [80.0], first: Normal);

        var alarm = Assert.Single(await hub.WaitForAlarmsAsync("pump-1", a => a.Count > 0, "anomaly alarm"));
        Assert.Equal(("odd-temperature", "major", "active"), (alarm.Text("ruleId"), alarm.Text("severity"), alarm.Text("state")));
        var why = alarm!["explanation"]!;
        Assert.Equal("temperature", why.Text("property"));
        Assert.Equal(80, why["observed"]!.GetValue<double>());
        Assert.InRange(why["expectedLow"]!.GetValue<double>(), 35, 40);
        Assert.InRange(why["expectedHigh"]!.GetValue<double>(), 40, 45);
        Assert.InRange(why["score"]!.GetValue<double>(), 0.01, 1);
        Assert.Equal(At(Normal), DateTimeOffset.Parse(why.Text("deviatingSince"), CultureInfo.InvariantCulture));
        Assert.Contains("temperature is 80 °C", why.Text("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHubRestartedInTheMiddleOfTheSeriesFindsTheSameAnomalyAsOneThatRanThrough()
    {
        var through = await ExplanationAsync(restartAfter: null);
        var restarted = await ExplanationAsync(restartAfter: Normal / 2);

        Assert.Equal(through.ToJsonString(), restarted.ToJsonString());
    }

    private static async Task<JsonNode> ExplanationAsync(int? restartAfter)
    {
        var hub = await HubHost.StartAsync();
        await CreatePumpModelAsync(hub);
        var (secret, _) = await hub.RegisterDeviceAsync("pump-2", "pump-a");
        var series = Series(seed: 5).Take(Normal).Append(75).ToList();
        var split = restartAfter ?? series.Count;
        await using (var device = await MqttDevice.ConnectAsync(hub.MqttPort, "pump-2", secret))
        {
            await PublishAsync(device, series.Take(split), first: 0);
        }

        if (restartAfter is not null)
        {
            await hub.WaitForValueAsync("pump-2", "temperature", series[split - 1]);
            await hub.StopAsync();
            await hub.DisposeAsync();
            hub = await HubHost.StartAsync(hub.DataPath);
        }

        await using (hub)
        {
            await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "pump-2", secret);
            await PublishAsync(device, series.Skip(split), first: split);
            var alarm = Assert.Single(await hub.WaitForAlarmsAsync("pump-2", a => a.Count > 0, "anomaly alarm"));
            return alarm!["explanation"]!.DeepClone();
        }
    }

    private static async Task CreatePumpModelAsync(HubHost hub)
    {
        var body = new
        {
            id = "pump-a",
            name = "Pump A",
            properties = new object[] { new { name = "temperature", unit = "°C", min = -40, max = 150, visibility = "customer" } },
            rules = new object[] { new { id = "odd-temperature", kind = "anomaly", property = "temperature", sensitivity = 0.5, severity = "major" } },
            actions = new Dictionary<string, string[]> { ["major"] = ["notifyOwner"] },
        };
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/device-models", body), System.Net.HttpStatusCode.Created);
    }

    /// <summary>Temperature around 40 °C with a little noise, one reading a minute.</summary>
    private static IEnumerable<double> Series(int seed)
    {
        var random = new Random(seed);
        while (true)
        {
            yield return Math.Round(40 + (random.NextDouble() - 0.5), 2);
        }
    }

    private static DateTimeOffset At(int minute) => Start.AddMinutes(minute);

    /// <summary>Temperature readings with their timestamps, one a minute from reading <paramref name="first"/> on.</summary>
    private static Task PublishAsync(MqttDevice device, IEnumerable<double> values, int first)
        => device.PublishAsync(values.Select((v, i) => (At(first + i), (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { ["temperature"] = v })));
}
