using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Live;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.WorkOrders;

/// <summary>
/// Work-order events come from the work-order grain, whoever made the order: here a device grain raises it from an
/// alarm, no technician can take it (so no dispatch step follows), and the dispatcher's board still hears of it.
/// </summary>
public sealed class WorkOrderEventTests
{
    [Fact]
    public async Task AnAlarmRaisesAWorkOrderThatNoTechnicianCanTakeAndADispatchersConnectionReceivesTheOrdersEvent()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Dispatch:IntervalSeconds"] = "0.2" });
        await hub.CreateChillerModelAsync();
        // The model's orders need refrigeration at level 2: this technician has another skill only.
        await hub.CreateTechnicianAsync("tech-hvac", "hvac", 31.24, 121.48);
        await using var dispatcher = await LiveClient.ConnectAsync(hub, await hub.CreateUserAsync("dispatcher-ev", Roles.Dispatcher));
        var (secret, _) = await hub.RegisterDeviceAsync("dev-ev");
        await using var device = await MqttDevice.ConnectAsync(hub.MqttPort, "dev-ev", secret);

        await device.PublishAsync("""{"values":{"temperature":99}}""");

        var pushed = await dispatcher.NextAsync(LiveMethods.WorkOrder, p => p.GetProperty("order").GetProperty("deviceId").GetString() == "dev-ev");
        var order = pushed.GetProperty("order");
        var alarm = Assert.Single(await hub.AlarmsAsync("deviceId=dev-ev"));
        Assert.Equal("created", pushed.GetProperty("event").GetString());
        Assert.Equal(("new", "alarm", "refrigeration"), (order.GetProperty("state").GetString(), order.GetProperty("source").GetString(), order.GetProperty("skill").GetString()));
        Assert.Equal(alarm.Text("id"), order.GetProperty("alarmId").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("technicianId").ValueKind);

        // Dispatch looked at it and could not give it to anyone: the receipt says why, and the order still waits.
        var id = order.GetProperty("id").GetString()!;
        var receipt = await Eventually.GetAsync(() => ReceiptAsync(hub, id), r => r is not null, what: "the dispatch receipt");
        Assert.Null(receipt!["technicianId"]);
        Assert.Equal("skill", receipt["rejected"]!.AsArray().Single()!.Text("reason"));
        Assert.Equal("new", (await hub.Admin.GetFromJsonAsync<JsonObject>($"/api/work-orders/{id}")).Text("state"));
    }

    private static async Task<JsonObject?> ReceiptAsync(HubHost hub, string id)
    {
        var response = await hub.Admin.GetAsync($"/api/work-orders/{id}/dispatch");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonObject>();
    }
}
