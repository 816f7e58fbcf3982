using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Alarms;

/// <summary>
/// Threshold and no-data rules evaluated in the device grain from real MQTT readings, the alarm lifecycle over
/// HTTP, the work order an alarm raises, and alarms surviving a restart.
/// </summary>
public sealed class AlarmLifecycleTests
{
    private static readonly Dictionary<string, string> FastClock = new()
    {
        ["Devices:RuleClockSeconds"] = "0.2",
    };

    [Fact]
    public async Task ReadingsOverTheLimitRaiseExactlyOneCriticalAlarmAndOneLinkedWorkOrderAndTheClearLevelClearsIt()
    {
        await using var hub = await HubHost.StartAsync(settings: FastClock);
        await hub.CreateChillerModelAsync();
        await hub.CreateCustomerAsync("cust-a");
        var (secret, _) = await hub.RegisterDeviceAsync("dev-hot", customerId: "cust-a");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-hot", secret);

        foreach (var temperature in new[] { 70, 95, 97, 99, 88 })
        {
            await device.PublishAsync($"{{\"values\":{{\"temperature\":{temperature}}}}}");
        }

        await hub.WaitForValueAsync("dev-hot", "temperature", 88);
        var alarms = await hub.AlarmsAsync("deviceId=dev-hot");
        var alarm = Assert.Single(alarms);
        Assert.Equal(("overheat", "critical", "active", "cust-a"), (alarm.Text("ruleId"), alarm.Text("severity"), alarm.Text("state"), alarm.Text("customerId")));
        Assert.Equal(90, alarm!["explanation"]!["expectedHigh"]!.GetValue<double>());
        Assert.Equal(95, alarm["explanation"]!["observed"]!.GetValue<double>());

        var orders = await Eventually.GetAsync(() => hub.WorkOrdersAsync("deviceId=dev-hot"), o => o.Count > 0, what: "work order");
        var order = Assert.Single(orders);
        Assert.Equal(alarm.Text("workOrderId"), order.Text("id"));
        Assert.Equal(alarm.Text("id"), order.Text("alarmId"));
        Assert.Equal(("new", "repair", "refrigeration", 2, "alarm", "urgent"), (order.Text("state"), order.Text("type"), order.Text("skill"), order!["level"]!.GetValue<int>(), order.Text("source"), order.Text("priority")));
        Assert.Equal("cust-a", order.Text("customerId"));

        var listed = await hub.Admin.GetFromJsonAsync<JsonObject>("/api/devices?severity=critical");
        Assert.Contains(listed!["items"]!.AsArray(), d => d.Text("id") == "dev-hot");
        var view = await hub.GetDeviceAsync("dev-hot");
        Assert.Equal("critical", view.Text("severity"));
        Assert.Equal(alarm.Text("id"), Assert.Single(view!["activeAlarms"]!.AsArray()).Text("id"));

        await device.PublishAsync("""{"values":{"temperature":84}}""");
        var cleared = await hub.WaitForAlarmsAsync("dev-hot", a => a.Count == 1 && a[0].Text("state") == "cleared", "alarm cleared by the rule");
        Assert.Equal("rule", cleared[0].Text("clearedBy"));
        view = await hub.GetDeviceAsync("dev-hot");
        Assert.Equal("none", view.Text("severity"));
        Assert.Single(await hub.WorkOrdersAsync("deviceId=dev-hot"));
    }

    [Fact]
    public async Task AcknowledgeAndClearFollowTheLifecycleAndRefuseIllegalSteps()
    {
        await using var hub = await HubHost.StartAsync(settings: FastClock);
        await hub.CreateChillerModelAsync();
        var (secret, _) = await hub.RegisterDeviceAsync("dev-ack");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-ack", secret);
        await device.PublishAsync("""{"values":{"temperature":120}}""");
        var id = (await hub.WaitForAlarmsAsync("dev-ack", a => a.Count == 1, "alarm"))[0].Text("id");

        var ack = await hub.Admin.PostAsync($"/api/alarms/{id}/ack", null);
        await HubApi.EnsureAsync(ack, HttpStatusCode.OK);
        var acknowledged = await ack.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(("acknowledged", "bootstrap-admin"), (acknowledged.Text("state"), acknowledged.Text("acknowledgedBy")));
        Assert.Equal(HttpStatusCode.Conflict, (await hub.Admin.PostAsync($"/api/alarms/{id}/ack", null)).StatusCode);
        Assert.Single(await hub.AlarmsAsync("state=acknowledged&deviceId=dev-ack"));

        await HubApi.EnsureAsync(await hub.Admin.PostAsync($"/api/alarms/{id}/clear", null), HttpStatusCode.OK);
        var afterClear = await hub.Admin.PostAsync($"/api/alarms/{id}/clear", null);
        Assert.Equal(HttpStatusCode.Conflict, afterClear.StatusCode);
        Assert.Contains("application/problem+json", afterClear.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Admin.PostAsync("/api/alarms/0000000000000000/ack", null)).StatusCode);

        // Cleared by a person while the temperature is still high: the rule starts afresh and raises a new alarm.
        await device.PublishAsync("""{"values":{"temperature":121}}""");
        var all = await hub.WaitForAlarmsAsync("dev-ack", a => a.Count == 2, "a new alarm after the manual clear");
        Assert.Equal("active", all[0].Text("state"));
        Assert.NotEqual(id, all[0].Text("id"));
        await Eventually.GetAsync(() => hub.WorkOrdersAsync("deviceId=dev-ack"), o => o.Count == 2, what: "a work order per alarm");
    }

    [Fact]
    public async Task AcknowledgeAndClearKeepThePersonsNoteInTheAlarmsHistory()
    {
        await using var hub = await HubHost.StartAsync(settings: FastClock);
        await hub.CreateChillerModelAsync();
        var (secret, _) = await hub.RegisterDeviceAsync("dev-note");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-note", secret);
        await device.PublishAsync("""{"values":{"temperature":120}}""");
        var id = (await hub.WaitForAlarmsAsync("dev-note", a => a.Count == 1, "alarm"))[0].Text("id");

        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync($"/api/alarms/{id}/ack", new { note = "  Li Wei is on his way  " }), HttpStatusCode.OK);
        var tooLong = await hub.Admin.PostAsJsonAsync($"/api/alarms/{id}/clear", new { note = new string('x', 1001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var clear = await hub.Admin.PostAsJsonAsync($"/api/alarms/{id}/clear", new { note = "sensor cable reseated" });
        await HubApi.EnsureAsync(clear, HttpStatusCode.OK);

        var history = (await clear.Content.ReadFromJsonAsync<JsonObject>())!["history"]!.AsArray();
        var notes = history.Select(step => (step.Text("event"), step!["note"]?.GetValue<string>())).ToList();
        Assert.Equal([("raised", null), ("acknowledged", "Li Wei is on his way"), ("cleared", "sensor cable reseated")], notes);
    }

    [Fact]
    public async Task AnActiveAlarmSurvivesARestartAndIsNotRaisedTwice()
    {
        var hub = await HubHost.StartAsync(settings: FastClock);
        await hub.CreateChillerModelAsync();
        var (secret, _) = await hub.RegisterDeviceAsync("dev-keep");
        await using (var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-keep", secret))
        {
            await device.PublishAsync("""{"values":{"temperature":101}}""");
            await hub.WaitForAlarmsAsync("dev-keep", a => a.Count == 1, "alarm");
        }

        await hub.StopAsync();
        await using var restarted = await HubHost.StartAsync(hub.DataPath, FastClock);
        var before = Assert.Single(await restarted.AlarmsAsync("deviceId=dev-keep"));
        Assert.Equal("active", before.Text("state"));

        await using var again = await MqttDevice.ConnectAsync(restarted.MqttPort, "dev-keep", secret);
        await again.PublishAsync("""{"values":{"temperature":105}}""");
        await restarted.WaitForValueAsync("dev-keep", "temperature", 105);
        var view = await restarted.GetDeviceAsync("dev-keep");
        Assert.Equal(before.Text("id"), Assert.Single(view!["activeAlarms"]!.AsArray()).Text("id"));
        Assert.Single(await restarted.AlarmsAsync("deviceId=dev-keep"));
        Assert.Single(await restarted.WorkOrdersAsync("deviceId=dev-keep"));

        await again.PublishAsync("""{"values":{"temperature":60}}""");
        await restarted.WaitForAlarmsAsync("dev-keep", a => a.Count == 1 && a[0].Text("state") == "cleared", "cleared after restart");
    }

    [Fact]
    public async Task SilentDeviceRaisesANoDataAlarmOnTheClockThatEscalatesAndClearsWithTheNextReading()
    {
        await using var hub = await HubHost.StartAsync(settings: FastClock);
        var model = new
        {
            id = "quiet-x",
            name = "Quiet X",
            properties = new object[] { new { name = "temperature", unit = "°C" } },
            rules = new object[] { new { id = "silent", kind = "nodata", seconds = 1, severity = "major" } },
            actions = new Dictionary<string, string[]> { ["major"] = ["notifyOwner"] },
            escalateAfterSeconds = 1,
        };
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/device-models", model), HttpStatusCode.Created);
        var (secret, _) = await hub.RegisterDeviceAsync("dev-quiet", modelId: "quiet-x");

        // No message at all: only the clock can notice.
        var raised = await hub.WaitForAlarmsAsync("dev-quiet", a => a.Count == 1, "no-data alarm");
        Assert.Equal(("silent", "nodata", "major"), (raised[0].Text("ruleId"), raised[0].Text("ruleKind"), raised[0].Text("severity")));
        Assert.StartsWith("No data for ", raised[0]!["explanation"].Text("text"), StringComparison.Ordinal);
        Assert.Empty(await hub.WorkOrdersAsync("deviceId=dev-quiet"));

        var escalated = await hub.WaitForAlarmsAsync("dev-quiet", a => a.Count == 1 && a[0]?["escalationLevel"]?.GetValue<int>() == 1, "escalation");
        Assert.Equal("active", escalated[0].Text("state"));

        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-quiet", secret);
        await device.PublishAsync("""{"values":{"temperature":20}}""");
        var cleared = await hub.WaitForAlarmsAsync("dev-quiet", a => a[0].Text("state") == "cleared", "cleared by a reading");
        Assert.Equal("rule", cleared[0].Text("clearedBy"));
    }

    [Fact]
    public async Task ModelEditTakesEffectOnTheNextReadingWithoutARestart()
    {
        await using var hub = await HubHost.StartAsync(settings: FastClock);
        await hub.CreateChillerModelAsync();
        var (secret, _) = await hub.RegisterDeviceAsync("dev-edit");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-edit", secret);
        await device.PublishAsync("""{"values":{"rpm":4500}}""");
        await hub.WaitForValueAsync("dev-edit", "rpm", 4500);
        Assert.Empty(await hub.AlarmsAsync("deviceId=dev-edit"));

        var model = (await hub.Admin.GetFromJsonAsync<JsonObject>("/api/device-models/chiller-x"))!;
        model["rules"]!.AsArray().Add(JsonNode.Parse("""{"id":"overspeed","kind":"threshold","property":"rpm","operator":">=","value":4000,"severity":"major"}"""));
        await HubApi.EnsureAsync(await hub.Admin.PutAsJsonAsync("/api/device-models/chiller-x", model), HttpStatusCode.OK);

        await device.PublishAsync("""{"values":{"rpm":4600}}""");
        var raised = await hub.WaitForAlarmsAsync("dev-edit", a => a.Count == 1, "alarm of the new rule");
        Assert.Equal(("overspeed", "major"), (raised[0].Text("ruleId"), raised[0].Text("severity")));
    }
}
