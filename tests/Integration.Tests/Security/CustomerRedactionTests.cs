using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Live;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Security;

/// <summary>
/// Security issue row 8: a work order raised by a rule on a technician-only property described the value
/// ("compressor_current is 350 A") to the customer. The customer must not receive that value in any field, over HTTP
/// or SignalR, while staff still see it.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class CustomerRedactionTests(HubFixture fixture)
{
    private const string HiddenValue = "350";

    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task ACustomerNeverReceivesTheTechnicianOnlyValueThatRaisedAWorkOrder()
    {
        var model = "compressor-" + Guid.NewGuid().ToString("N")[..8];
        await HubApi.EnsureAsync(await Hub.Admin.PostAsJsonAsync("/api/device-models", new
        {
            id = model,
            name = "Compressor",
            properties = new object[]
            {
                new { name = "compressor_current", unit = "A", min = 0, max = 1000, visibility = "technician" },
                new { name = "temperature", unit = "°C", min = -40, max = 150, visibility = "customer" },
            },
            rules = new object[] { new { id = "overcurrent", kind = "threshold", property = "compressor_current", @operator = ">", value = 300, severity = "critical" } },
            actions = new Dictionary<string, string[]> { ["critical"] = ["createWorkOrder"] },
            workOrder = new { type = "repair", skill = "refrigeration", level = 2 },
        }), HttpStatusCode.Created);
        var device = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(device, model, customerId: "cust-a");
        using var customer = Hub.Client(await Hub.CreateUserAsync($"owner-{device}", "customer", customerId: "cust-a"));
        await using var live = await LiveClient.ConnectAsync(Hub, await Hub.CreateUserAsync($"live-{device}", "customer", customerId: "cust-a"));
        await using var mqtt = await MqttDevice.ConnectAsync(Hub.MqttPort, device, secret);

        await mqtt.PublishAsync($"{{\"values\":{{\"compressor_current\":{HiddenValue},\"temperature\":21}}}}");
        var staffView = Assert.Single(await Eventually.GetAsync(() => Hub.WorkOrdersAsync($"deviceId={device}"), o => o.Count > 0, what: "the alarm's work order"));
        var orderId = staffView.Text("id");
        await HubApi.EnsureAsync(await Hub.Admin.PostAsJsonAsync($"/api/work-orders/{orderId}/hold", new { note = "waiting for parts" }), HttpStatusCode.OK);
        var pushed = await live.NextAsync(LiveMethods.WorkOrder, e => e.GetProperty("order").GetProperty("id").GetString() == orderId);

        var listed = await customer.GetStringAsync($"/api/work-orders?deviceId={device}");
        var single = await customer.GetStringAsync($"/api/work-orders/{orderId}");
        var alarms = await customer.GetStringAsync($"/api/alarms?deviceId={device}");
        var view = await customer.GetStringAsync($"/api/devices/{device}");

        Assert.Contains(HiddenValue, staffView.Text("description"), StringComparison.Ordinal);
        foreach (var (what, text) in new[] { ("list", listed), ("order", single), ("alarms", alarms), ("device", view), ("signalr", JsonSerializer.Serialize(pushed)) })
        {
            Assert.False(text.Contains(HiddenValue, StringComparison.Ordinal), $"the customer's {what} carries {HiddenValue}: {text}");
        }

        var order = JsonNode.Parse(single)!;
        Assert.Contains("a technician will look into", order.Text("description"), StringComparison.Ordinal);
        Assert.Equal("waiting for parts", order["history"]!.AsArray().Last()!["note"]!.GetValue<string>());
    }
}
