using System.Net;
using System.Net.Http.Json;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Notifications;

/// <summary>
/// A hub whose webhook targets point at a local receiver (<c>owner</c>, <c>customer:cust-a</c> and <c>default</c>;
/// no <c>supervisor</c>), with customer <c>cust-a</c> (owner <c>owner-a</c>, supervisor <c>super-a</c>) and
/// <c>cust-b</c> (nobody named), and a signed-in user for each.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    public const string OwnerSecret = "owner-secret";
    public const string DefaultSecret = "default-secret";
    public const string CustomerSecret = "cust-a-secret";

    public HubHost Hub { get; private set; } = null!;

    public WebhookSink Sink { get; private set; } = null!;

    public string OwnerToken { get; private set; } = "";

    public string DispatcherToken { get; private set; } = "";

    public string CustomerAToken { get; private set; } = "";

    public string CustomerBToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Sink = await WebhookSink.StartAsync();
        Hub = await HubHost.StartAsync(settings: new Dictionary<string, string>
        {
            ["Webhooks:Targets:owner:Url"] = Sink.UrlFor("owner").ToString(),
            ["Webhooks:Targets:owner:Secret"] = OwnerSecret,
            ["Webhooks:Targets:default:Url"] = Sink.UrlFor("default").ToString(),
            ["Webhooks:Targets:default:Secret"] = DefaultSecret,
            ["Webhooks:Targets:customer:cust-a:Url"] = Sink.UrlFor("customer-a").ToString(),
            ["Webhooks:Targets:customer:cust-a:Secret"] = CustomerSecret,
        });
        await CreateCustomerAsync(new { id = "cust-a", name = "Customer A", tier = "core", owner = "owner-a", supervisor = "super-a" });
        await CreateCustomerAsync(new { id = "cust-b", name = "Customer B", tier = "standard" });
        // Not staff, so the owner's notifications can only reach it through its own user group.
        OwnerToken = await Hub.CreateUserAsync("owner-a", Roles.Technician);
        DispatcherToken = await Hub.CreateUserAsync("dispatcher-1", Roles.Dispatcher);
        CustomerAToken = await Hub.CreateUserAsync("cust-a-user", Roles.Customer, "cust-a");
        CustomerBToken = await Hub.CreateUserAsync("cust-b-user", Roles.Customer, "cust-b");
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sink.DisposeAsync();
    }

    private async Task CreateCustomerAsync(object customer)
        => await HubApi.EnsureAsync(await Hub.Admin.PostAsJsonAsync("/api/customers", customer), HttpStatusCode.Created);
}
