using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Alarms;

/// <summary>
/// End to end: readings over real MQTT raise an alarm whose actions reach people — a SignalR client receives the
/// alarm event, a local HTTP receiver gets the signed webhook — and whose clear reaches them too.
/// </summary>
public sealed class AlarmActionsTests
{
    private const string OwnerSecret = "owner-secret-e2e";
    private const string CustomerSecret = "customer-secret-e2e";

    [Fact]
    public async Task ACriticalAlarmFromMqttReachesStaffTheCustomerAndTheOwnersWebhookAndSoDoesItsClear()
    {
        await using var sink = await WebhookSink.StartAsync();
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Webhooks:Targets:owner:Url"] = sink.UrlFor("owner").ToString(),
            ["Webhooks:Targets:owner:Secret"] = OwnerSecret,
            ["Webhooks:Targets:customer:cust-e:Url"] = sink.UrlFor("customer").ToString(),
            ["Webhooks:Targets:customer:cust-e:Secret"] = CustomerSecret,
        });
        await CreateModelAsync(hub);
        await HubApi.EnsureAsync(
            await hub.Admin.PostAsJsonAsync("/api/customers", new { id = "cust-e", name = "Customer E", tier = "strategic", owner = "owner-e" }),
            HttpStatusCode.Created);
        var customerToken = await hub.CreateUserAsync("cust-e-user", Roles.Customer, "cust-e");
        var (secret, _) = await hub.RegisterDeviceAsync("dev-e2e", modelId: "boiler-x", customerId: "cust-e");
        await using var staff = await LiveClient.ConnectAsync(hub, HubHost.AdminToken);
        await using var customer = await LiveClient.ConnectAsync(hub, customerToken, tokenInQueryString: true);
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-e2e", secret);

        await device.PublishAsync("""{"values":{"pressure":9.5,"flame":1}}""");

        var raised = await staff.NextAsync("alarm", p => Event(p) == "raised" && DeviceOf(p) == "dev-e2e");
        var alarmId = raised.GetProperty("alarm").GetProperty("id").GetString()!;
        Assert.Equal("critical", raised.GetProperty("alarm").GetProperty("severity").GetString());
        Assert.Equal(9.5, raised.GetProperty("alarm").GetProperty("explanation").GetProperty("observed").GetDouble());

        var seenByCustomer = await customer.NextAboutAsync("alarm", alarmId);
        Assert.Equal("raised", Event(seenByCustomer));
        var customerNotice = await customer.NextAboutAsync("notification", alarmId);
        Assert.Equal("customer", customerNotice.GetProperty("audience").GetString());

        var ownerHook = (await sink.WaitForAsync("owner", r => AlarmIdOf(r) == alarmId && EventOf(r) == "raised"))!;
        Assert.Equal("alarm.raised", ownerHook.Headers["X-IotService-Event"]);
        Assert.Equal(ownerHook.ExpectedSignature(OwnerSecret), ownerHook.Headers["X-IotService-Signature"]);
        Assert.NotEqual(ownerHook.ExpectedSignature(CustomerSecret), ownerHook.Headers["X-IotService-Signature"]);
        var customerHook = (await sink.WaitForAsync("customer", r => AlarmIdOf(r) == alarmId))!;
        Assert.Equal(customerHook.ExpectedSignature(CustomerSecret), customerHook.Headers["X-IotService-Signature"]);

        var order = Assert.Single(await Eventually.GetAsync(() => hub.WorkOrdersAsync("deviceId=dev-e2e"), o => o.Count > 0, what: "work order"));
        Assert.Equal(alarmId, order.Text("alarmId"));
        Assert.Equal(("inspection", "boilers", 3, "high"), (order.Text("type"), order.Text("skill"), order!["level"]!.GetValue<int>(), order.Text("priority")));

        await device.PublishAsync("""{"values":{"pressure":6.0}}""");

        var cleared = await staff.NextAboutAsync("alarm", alarmId);
        Assert.Equal("cleared", Event(cleared));
        var clearedHook = (await sink.WaitForAsync("owner", r => AlarmIdOf(r) == alarmId && EventOf(r) == "cleared"))!;
        Assert.Equal("alarm.cleared", clearedHook.Headers["X-IotService-Event"]);
        Assert.Single(await hub.AlarmsAsync("deviceId=dev-e2e"));
        Assert.Equal(2, sink.All.Count(r => r.Name == "owner" && AlarmIdOf(r) == alarmId));
    }

    private static async Task CreateModelAsync(HubHost hub)
    {
        var model = new
        {
            id = "boiler-x",
            name = "Boiler X",
            properties = new object[]
            {
                new { name = "pressure", unit = "bar", min = 0, max = 20, visibility = "customer" },
                new { name = "flame", visibility = "technician" },
            },
            rules = new object[]
            {
                new { id = "overpressure", kind = "threshold", property = "pressure", @operator = ">", value = 8.5, clearValue = 7, severity = "critical" },
            },
            actions = new Dictionary<string, string[]> { ["critical"] = ["notifyOwner", "notifyCustomer", "createWorkOrder"] },
            workOrder = new { type = "inspection", skill = "boilers", level = 3, priority = "high" },
        };
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/device-models", model), HttpStatusCode.Created);
    }

    private static string? Event(JsonElement payload) => payload.GetProperty("event").GetString();

    private static string? DeviceOf(JsonElement payload) => payload.GetProperty("alarm").GetProperty("deviceId").GetString();

    private static string? AlarmIdOf(ReceivedWebhook webhook) => JsonNode.Parse(webhook.Body)?["alarm"]?["id"]?.GetValue<string>();

    private static string? EventOf(ReceivedWebhook webhook) => JsonNode.Parse(webhook.Body)?["event"]?.GetValue<string>();
}
