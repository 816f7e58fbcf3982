using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Demo;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Demo;

/// <summary>
/// <c>./run.sh --Demo:Devices=100000</c> at a size a test can afford: the fleet is registered in bulk, a few devices
/// publish over their own MQTT connections and the rest through the hub's ingest entry point, and what they publish is
/// stored and judged by the rules exactly as MQTT readings are.
/// </summary>
public sealed class DemoAtScaleTests
{
    private const int Devices = 2_000;
    private const int MqttConnections = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task ALargeDemoFleetIsSeededAndEveryDevicePublishesThoughOnlyAFewHoldAConnection()
    {
        await using var hub = await StartAsync();

        var online = await Eventually.GetAsync(
            () => TotalAsync(hub, "status=online"), total => total == Devices, Patience, $"{Devices} demo devices online");

        Assert.Equal(Devices, online);
        Assert.Equal(Devices, await TotalAsync(hub, ""));
        var simulator = hub.Get<DemoStats>().Snapshot();
        Assert.Equal((Devices, MqttConnections, 0L, 0L), (simulator.Devices, simulator.Connected, simulator.Rejected, simulator.PublishFailures));
        Assert.Equal(0, (await hub.StatsAsync())["rejectedTotal"]!.GetValue<long>());

        // The last device of the fleet publishes in-process: its readings are in the history store like any other's.
        // Nobody waits for an in-process reading to be stored (there is no acknowledgement), and the grain gets it while
        // the history append is under way, so the device can show a value a moment before the history has it.
        var device = (await hub.GetDeviceAsync(DeviceId(Devices)))!;
        var (property, value) = device["values"]!.AsObject().First();
        var at = DateTimeOffset.Parse(value!["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var stored = await Eventually.GetAsync(
            () => HubApi.StoredAsync(hub.Admin, DeviceId(Devices), property, at.AddMinutes(-5), at.AddSeconds(1)),
            points => points.ContainsKey(at.ToUnixTimeMilliseconds()), Patience, $"the reading of {at:O} in the history");
        Assert.Equal(value["value"]!.GetValue<double>(), stored[at.ToUnixTimeMilliseconds()]);
    }

    [Fact]
    public async Task FaultsOfDevicesWithoutAConnectionRaiseAlarmsAndWorkOrders()
    {
        // Every device faults once an hour, so a fleet of 2,000 has dozens of faults under way at any time.
        await using var hub = await StartAsync(("Demo:FaultProbability", "1"), ("Demo:MaxFaultsPerHour", "100000"));

        var order = await Eventually.GetAsync(
            async () => (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/work-orders?limit=500"))!["items"]!.AsArray()
                .Select(o => o!.AsObject())
                .FirstOrDefault(o => o["alarmId"] is not null && IsInProcess(o["deviceId"]!.GetValue<string>())),
            o => o is not null, Patience, "a work order for a device that publishes in-process");

        var alarm = await hub.Admin.GetFromJsonAsync<JsonObject>($"/api/alarms/{order!["alarmId"]!.GetValue<string>()}");
        Assert.Equal(order["deviceId"]!.GetValue<string>(), alarm!["deviceId"]!.GetValue<string>());
        Assert.Contains(alarm["severity"]!.GetValue<string>(), new[] { "major", "critical" });
    }

    private static Task<HubHost> StartAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Devices"] = Devices.ToString(CultureInfo.InvariantCulture),
            ["Demo:MqttConnections"] = MqttConnections.ToString(CultureInfo.InvariantCulture),
            ["Demo:PublishIntervalSeconds"] = "0.5",

            // 2,000 devices at 1,000 readings/s: one message every 2 s each, not every 0.5 s.
            ["Demo:ReadingsPerSecond"] = "1000",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return HubHost.StartAsync(settings: settings);
    }

    private static async Task<long> TotalAsync(HubHost hub, string filter)
        => (await hub.Admin.GetFromJsonAsync<JsonObject>($"/api/devices?{filter}&count=true&limit=1"))!["total"]!.GetValue<long>();

    private static string DeviceId(int number) => $"dev-{number:00000}";

    /// <summary>The simulator gives connections to the fleet's first devices, in id order.</summary>
    private static bool IsInProcess(string deviceId)
        => int.Parse(deviceId["dev-".Length..], CultureInfo.InvariantCulture) > MqttConnections;
}
