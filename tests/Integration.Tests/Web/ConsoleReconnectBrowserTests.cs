using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IotService.Integration.Tests.Web;

/// <summary>
/// A console is open all day: when the hub restarts under it, the page says it is offline, reconnects by itself,
/// rejoins its viewport and resyncs, and live updates flow again without a reload (issue 16, "Resilience").
/// </summary>
public sealed class ConsoleReconnectBrowserTests
{
    [Fact]
    public async Task AfterAHubRestartTheConsoleSaysItIsOfflineThenReconnectsAndUpdatesLiveWithoutAReload()
    {
        var hub = await HubHost.StartAsync();
        var dataPath = hub.DataPath;
        var url = hub.Http.BaseAddress!;
        string secret;
        try
        {
            await hub.CreateChillerModelAsync();
            var response = await hub.Admin.PostAsJsonAsync("/api/devices", new { id = "back-1", modelId = "chiller-x", location = new { lat = 31.2, lon = 121.4 } });
            await HubApi.EnsureAsync(response, System.Net.HttpStatusCode.Created);
            secret = (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
            await hub.CreateUserAsync("disp-restart", Roles.Dispatcher);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(1440, 900);
        await page.GotoAsync(url + "console");
        await page.FillAsync("input[name=username]", "disp-restart");
        await page.FillAsync("input[name=password]", HubUsers.Password);
        await page.ClickAsync("button[type=submit]");
        var row = page.Locator(".device-list [data-device-id='back-1']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-severity", "none");
        // A mark on this very document: if the page reloaded, it would be gone.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await hub.DisposeAsync();
        await Assertions.Expect(page.Locator("[data-live-status]")).ToBeVisibleAsync();

        // The same data and the same address, as after an operator's restart; the cookie stays valid (same key ring).
        await using var restarted = await HubHost.StartAsync(dataPath, new Dictionary<string, string> { ["Urls"] = url.ToString().TrimEnd('/') });
        await Assertions.Expect(page.Locator("[data-live-status]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".map[data-map-ready=true]")).ToHaveCountAsync(1);

        await using (var device = await MqttDevice.ConnectAsync(restarted.MqttPort, "back-1", secret))
        {
            await device.PublishAsync("""{"values":{"temperature":99}}""");
        }

        await Assertions.Expect(row).ToHaveAttributeAsync("data-severity", "critical");
        await Assertions.Expect(page.Locator(".alarm-feed [data-alarm-id]")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the console must resync without a reload");
    }
}
