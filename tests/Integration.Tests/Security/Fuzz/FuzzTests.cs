using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;
using MQTTnet;

namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// Seeded, bounded fuzzing of the hub from loopback: 25,000 mutated HTTP bodies and queries on every route, 60,000
/// MQTT publishes (half of them built to fail for one known reason, half damaged at random) and 15,000 raw MQTT
/// packets. Nothing may crash the hub or draw a 500, every refusal is counted under the right reason, and the good
/// traffic in between is all kept.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests
{
    private const int Seed = 20261207;
    private const int Devices = 8;

    [Fact]
    public async Task MutatedHttpBodiesAndQueriesNeverDrawA500AndTheHubStaysHealthy()
    {
        await using var hub = await HubHost.StartAsync();
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/device-models", FuzzTargets.ModelBody(FuzzTargets.Model)), HttpStatusCode.Created);
        await hub.CreateCustomerAsync(FuzzTargets.Customer);
        await hub.RegisterDeviceAsync(FuzzTargets.Device, FuzzTargets.Model, FuzzTargets.Customer);
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/technicians", new { id = FuzzTargets.Technician, name = "Fuzz", skills = new[] { new { skill = "refrigeration", level = 3 } } }), HttpStatusCode.Created);
        var order = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = FuzzTargets.Device, skill = "refrigeration" });
        var orderId = (await order.Content.ReadFromJsonAsync<JsonObject>()).Text("id");
        await hub.CreateUserAsync(FuzzTargets.Victim, "dispatcher");
        var tokens = new Dictionary<string, string?>
        {
            [FuzzTargets.Anonymous] = null,
            ["admin"] = HubHost.AdminToken,
            ["technician"] = await hub.CreateUserAsync("fz-technician", "technician", technicianId: FuzzTargets.Technician),
            ["customer"] = await hub.CreateUserAsync("fz-customer", "customer", customerId: FuzzTargets.Customer),
        };
        var fuzzer = new HttpFuzzer(new Random(Seed), hub.Http.BaseAddress!, tokens);

        var failures = await fuzzer.RunAsync(FuzzTargets.All(orderId), count: 25_000, parallel: 8);

        Assert.True(failures.Count == 0, $"{failures.Count} answers of 500 or more, e.g.:\n" + string.Join("\n", failures.DistinctBy(f => f.Request.Split(' ', 3)[1].Split('?')[0]).Take(12).Select(f => $"{f.Status} ← {f.Request}")));
        Assert.Equal(HttpStatusCode.OK, (await hub.Admin.GetAsync("/health")).StatusCode);
        await AssertDispatchStillWorksAsync(hub);
    }

    /// <summary>Whatever the fuzz stored, the next order still finds its technician: bad records lose nothing else.</summary>
    private static async Task AssertDispatchStillWorksAsync(HubHost hub)
    {
        var skill = "after-fuzz";
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/technicians", new { id = "fz-after", name = "After", skills = new[] { new { skill, level = 3 } }, location = new { lat = 31.2, lon = 121.5 } }), HttpStatusCode.Created);
        var created = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = FuzzTargets.Device, skill, level = 1 });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>()).Text("id");

        var order = await Eventually.GetAsync(() => hub.Admin.GetFromJsonAsync<JsonObject>($"/api/work-orders/{id}"), o => o.Text("state") != "new", TimeSpan.FromSeconds(20), "dispatch after the fuzz");

        Assert.Equal(("assigned", "fz-after"), (order.Text("state"), order.Text("technicianId")));
    }

    [Fact]
    public async Task MqttInputIsCountedExactlyByReasonGoodReadingsAreAllStoredAndRawPacketsBreakNothing()
    {
        // The fuzz measures input handling, not the per-device rate limit (which has tests of its own).
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Ingest:MaxMessagesPerSecondPerDevice"] = "0" });
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/device-models", FuzzTargets.ModelBody(FuzzTargets.Model)), HttpStatusCode.Created);
        var secrets = new List<string>();
        for (var i = 0; i <= Devices; i++)
        {
            secrets.Add((await hub.RegisterDeviceAsync(DeviceId(i), FuzzTargets.Model)).Secret);
        }

        var devices = await Task.WhenAll(Enumerable.Range(0, Devices).Select(i => MqttDevice.ConnectAsync(hub.MqttPort, DeviceId(i), secrets[i])));
        var now = DateTimeOffset.UtcNow;
        var cases = Enumerable.Range(0, Devices).Select(i => new TelemetryCases(new Random(Seed + i), now)).ToArray();

        // Known outcomes: every reason counted exactly, every good reading stored.
        var before = await hub.StatsAsync();
        var known = new MqttFuzzer();
        await known.RunAsync(devices, 30_000, i => cases[i].Known(DeviceId(i), DeviceId((i + 1) % Devices)));
        var afterKnown = await hub.StatsAsync();

        foreach (var (reason, sent) in known.Sent.Where(r => r.Key != "accepted"))
        {
            Assert.True(sent == Rejected(afterKnown, reason) - Rejected(before, reason), $"{reason}: sent {sent}, counted {Rejected(afterKnown, reason) - Rejected(before, reason)}");
        }

        Assert.Equal(known.Sent["accepted"], Counter(afterKnown, "acceptedReadings") - Counter(before, "acceptedReadings"));
        Assert.Equal(known.Total - known.Sent["accepted"], Counter(afterKnown, "rejectedTotal") - Counter(before, "rejectedTotal"));
        Assert.All(known.Answers, a => Assert.Equal(a.Case.Reason is null, a.Code == MqttClientPublishReasonCode.Success));
        for (var i = 0; i < Devices; i++)
        {
            var good = known.Answers.Where(a => a.Case.Reason is null && a.Case.Topic == $"devices/{DeviceId(i)}/telemetry").Select(a => a.Case.Timestamp!.Value).ToList();
            var stored = await HubApi.StoredAsync(hub.Admin, DeviceId(i), "temperature", good.Min(), good.Max().AddMilliseconds(1));
            Assert.Equal(good.Select(t => t.ToUnixTimeMilliseconds()).Order(), stored.Keys.Order());
        }

        // Random damage: whatever becomes of each publish, it is acknowledged and counted exactly once.
        var mutated = new MqttFuzzer();
        await mutated.RunAsync(devices, 30_000, i => cases[i].Mutated(DeviceId(i)));
        var afterMutated = await hub.StatsAsync();

        Assert.Equal(30_000, Counter(afterMutated, "acceptedMessages") + Counter(afterMutated, "rejectedTotal") - Counter(afterKnown, "acceptedMessages") - Counter(afterKnown, "rejectedTotal"));
        Assert.Equal(mutated.Answers.Count(a => a.Code == MqttClientPublishReasonCode.Success), Counter(afterMutated, "acceptedReadings") - Counter(afterKnown, "acceptedReadings"));

        // Below the client libraries: the raw device's own session may publish, nobody else's counters move.
        var raw = await new RawMqttFuzzer(new Random(Seed), hub.MqttPort, DeviceId(Devices), secrets[Devices]).RunAsync(15_000, parallel: 8);

        Assert.True(raw >= 15_000);
        Assert.Equal(HttpStatusCode.OK, (await hub.Admin.GetAsync("/health")).StatusCode);
        foreach (var (device, i) in devices.Select((d, i) => (d, i)))
        {
            Assert.True(device.Client.IsConnected, $"{device.Id} was disconnected");
            var last = cases[i].Good(device.Id);
            Assert.Equal(MqttClientPublishReasonCode.Success, (await device.Client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(last.Topic).WithPayload(last.Payload).WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build())).ReasonCode);
            Assert.Single(await HubApi.StoredAsync(hub.Admin, device.Id, "temperature", last.Timestamp!.Value, last.Timestamp.Value.AddMilliseconds(1)));
            await device.DisposeAsync();
        }
    }

    private static string DeviceId(int i) => $"fz-mqtt-{i}";

    private static long Counter(JsonObject stats, string name) => stats[name]!.GetValue<long>();

    private static long Rejected(JsonObject stats, string reason) => stats["rejected"]![reason]!.GetValue<long>();
}
