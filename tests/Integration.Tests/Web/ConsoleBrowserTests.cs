using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;
using IotService.Integration.Tests.WorkOrders;
using Microsoft.Playwright;

namespace IotService.Integration.Tests.Web;

/// <summary>
/// The dispatcher's console in a real browser (SPEC §9, issue 16): sign in, the fleet in the list and on the map, a
/// reading over the threshold turning its row critical with the alarm in the feed and the order on the board, all
/// without a reload; acknowledging from the feed; the receipt; reassigning by hand with the override priced first;
/// and no request leaving the hub.
/// </summary>
public sealed class ConsoleBrowserTests
{
    private const int Devices = 30;

    [Fact]
    public async Task ADispatcherWatchesAReadingBecomeAnAlarmAndAnOrderAndReassignsItWithTheOverridePriced()
    {
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Dispatch:IntervalSeconds"] = "0.2" });
        await hub.CreateChillerModelAsync();
        await hub.CreateCustomerAsync("cust-a");
        // Both can repair chillers; the solver will pick the nearer one, the dispatcher will move the order to the other.
        await hub.CreateTechnicianAsync("tech-near", "refrigeration", 31.25, 121.46);
        await hub.CreateTechnicianAsync("tech-far", "refrigeration", 30.27, 120.15);
        var secrets = new Dictionary<string, string>();
        for (var i = 0; i < Devices; i++)
        {
            var id = $"con-{i:00}";
            var response = await hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId = "chiller-x", customerId = "cust-a", location = new { lat = 31.0 + (i * 0.01), lon = 121.3 + (i * 0.01) } });
            await HubApi.EnsureAsync(response, System.Net.HttpStatusCode.Created);
            secrets[id] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
        }

        await hub.CreateUserAsync("disp", Roles.Dispatcher);
        var requests = new List<string>();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(1440, 900, requests);

        // Without a session the app sends the browser to the sign-in form, and back to the console after it.
        await page.GotoAsync(hub.Http.BaseAddress + "console");
        await page.WaitForURLAsync("**/login?returnUrl=*");
        await page.FillAsync("input[name=username]", "disp");
        await page.FillAsync("input[name=password]", HubUsers.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/console");

        // The fleet is in the list and the map has drawn.
        await Assertions.Expect(page.Locator(".device-list [data-device-id]").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".map[data-map-ready=true]")).ToHaveCountAsync(1);
        await page.FillAsync("input[name=search]", "con-07");
        var row = page.Locator(".device-list [data-device-id='con-07']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-severity", "none");

        // A reading over the threshold: the row turns critical, the alarm is in the feed, the order on the board.
        await using (var device = await MqttDevice.ConnectAsync(hub.MqttPort, "con-07", secrets["con-07"]))
        {
            await device.PublishAsync("""{"values":{"temperature":99}}""");
        }

        await Assertions.Expect(row).ToHaveAttributeAsync("data-severity", "critical");
        var alarmId = (await Eventually.GetAsync(() => hub.AlarmsAsync("deviceId=con-07"), a => a.Count == 1, what: "the alarm"))[0].Text("id");
        var alarm = page.Locator($".alarm-feed [data-alarm-id='{alarmId}']");
        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-severity", "critical");
        var order = await Eventually.GetAsync(() => hub.WorkOrdersAsync("deviceId=con-07&state=assigned"), o => o.Count == 1, what: "the dispatched order");
        var orderId = order[0].Text("id");
        Assert.Equal("tech-near", order[0].Text("technicianId"));
        await page.ClickAsync(".center-tabs button:has-text('Work orders')");
        var card = page.Locator($".board [data-work-order-id='{orderId}']");
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "assigned");

        // Acknowledge from the feed, with a note.
        await alarm.Locator("[data-action=ack]").ClickAsync();
        await alarm.Locator("input[name=note]").FillAsync("on it");
        await alarm.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(alarm).ToHaveAttributeAsync("data-state", "acknowledged");

        // Why it fired: the row opens on the observed value against the threshold, drawn above the allowed range.
        await alarm.Locator("[data-toggle=explanation]").ClickAsync();
        await Assertions.Expect(alarm.Locator(".explanation .range-bar[data-side='above']")).ToBeVisibleAsync();

        // The receipt says who and why; pointing at the other technician prices the override before assigning.
        await card.ClickAsync();
        var panel = page.Locator($".order-panel[data-work-order-id='{orderId}']");
        await Assertions.Expect(panel.Locator($".order-alarm[data-alarm-id='{alarmId}']")).ToContainTextAsync("temperature");
        await Assertions.Expect(panel.Locator(".receipt [data-chosen-technician='tech-near']")).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator(".receipt [data-technician-id='tech-far']")).ToHaveCountAsync(1);
        var far = panel.Locator(".tech-option[data-technician-id='tech-far']");
        await far.HoverAsync();
        var price = far.Locator(".price[data-extra-minutes]");
        await Assertions.Expect(price).ToBeVisibleAsync();
        Assert.True(int.Parse(await price.GetAttributeAsync("data-extra-minutes") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0, "moving the order 150 km away must cost travel");
        await far.ClickAsync();
        await Assertions.Expect(panel.Locator(".override-box .quote")).ToBeVisibleAsync();
        await panel.Locator("[data-action=assign]").ClickAsync();
        await Assertions.Expect(panel.Locator("dd[data-technician-id='tech-far']")).ToHaveCountAsync(1);
        await Assertions.Expect(card).ToContainTextAsync("tech-far");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathFor("console-1440x900.png") });

        // Offline: the map, its outline, scripts and styles all came from the hub.
        string[] foreign;
        lock (requests)
        {
            foreign = requests.Where(url => !url.StartsWith(hub.Http.BaseAddress!.ToString(), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal)).ToArray();
        }

        Assert.Empty(foreign);
    }
}
