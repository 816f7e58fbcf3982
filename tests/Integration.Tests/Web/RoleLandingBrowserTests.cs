using System.Net.Http.Json;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;
using IotService.Integration.Tests.WorkOrders;
using Microsoft.Playwright;

namespace IotService.Integration.Tests.Web;

/// <summary>Each role lands on its own page (SPEC §9) and sees only what it may, on a phone-sized screen too.</summary>
public sealed class RoleLandingBrowserTests
{
    [Fact]
    public async Task ACustomerLandsOnItsOwnEquipmentAndATechnicianOnItsOwnOrders()
    {
        // No dispatch rounds: the order is assigned by hand, so the technician's list shows it in a known state.
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Dispatch:IntervalSeconds"] = "3600" });
        await hub.CreateChillerModelAsync();
        await hub.CreateCustomerAsync("cust-a");
        await hub.CreateCustomerAsync("cust-b");
        await hub.CreateTechnicianAsync("tech-t", "general", 31.2, 121.4);
        foreach (var (id, customer) in new[] { ("mine-1", "cust-a"), ("mine-2", "cust-a"), ("theirs-1", "cust-b") })
        {
            await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId = "chiller-x", customerId = customer, location = new { lat = 31.2, lon = 121.4 } }), System.Net.HttpStatusCode.Created);
        }

        await hub.CreateUserAsync("cust-user", Roles.Customer, customerId: "cust-a");
        await hub.CreateUserAsync("tech-user", Roles.Technician, technicianId: "tech-t");
        var order = await hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = "mine-1", type = "repair", skill = "general", level = 1, description = "noisy" });
        await HubApi.EnsureAsync(order, System.Net.HttpStatusCode.Created);
        var orderId = (await order.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["id"]!.GetValue<string>();
        await HubApi.EnsureAsync(await hub.Admin.PostAsJsonAsync($"/api/work-orders/{orderId}/assign", new { technicianId = "tech-t" }), System.Net.HttpStatusCode.OK);

        await using var browser = await Browser.LaunchAsync();

        var phone = await browser.NewPageAsync(390, 844);
        await phone.GotoAsync(hub.Http.BaseAddress!.ToString());
        await phone.WaitForURLAsync("**/login?returnUrl=*");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathFor("login-390x844.png") });
        await SignInAsync(phone, "cust-user");
        await phone.WaitForURLAsync("**/my/equipment");
        await Assertions.Expect(phone.Locator("[data-device-id='mine-1']")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("[data-device-id='mine-2']")).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("[data-device-id='theirs-1']")).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.PathFor("customer-390x844.png") });

        var laptop = await browser.NewPageAsync(1440, 900);
        await laptop.GotoAsync(hub.Http.BaseAddress!.ToString());
        await SignInAsync(laptop, "tech-user");
        await laptop.WaitForURLAsync("**/my/orders");
        var card = laptop.Locator($"[data-work-order-id='{orderId}']").First;
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "assigned");
        await card.ClickAsync();
        await laptop.Locator("[data-action=accept]").ClickAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "accepted");
    }

    private static async Task SignInAsync(IPage page, string username)
    {
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", HubUsers.Password);
        await page.ClickAsync("button[type=submit]");
    }
}
