using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Api;

[Collection(HubCollection.Name)]
public sealed class ApiAccessTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task RequestWithoutATokenIsAnsweredWith401ProblemDetails()
    {
        var response = await Hub.Http.GetAsync("/api/devices");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InvalidTokenIsAnsweredWith401()
    {
        using var client = Client("not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task CustomerCallingAnAdminRouteGets403()
    {
        using var client = await LoginAsync("cust-a-user", Roles.Customer, customerId: "cust-a");

        var response = await client.PostAsJsonAsync("/api/device-models", new { id = "x", name = "x", properties = new[] { new { name = "t" } } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CustomerSeesOwnDevicesOnlyAndAnotherCustomersDeviceIs404()
    {
        var mine = HubFixture.NewDeviceId("mine");
        var theirs = HubFixture.NewDeviceId("theirs");
        await Hub.RegisterDeviceAsync(mine, customerId: "cust-a");
        await Hub.RegisterDeviceAsync(theirs, customerId: "cust-b");
        using var client = await LoginAsync("cust-a-viewer", Roles.Customer, customerId: "cust-a");

        Assert.NotNull(await Hub.GetDeviceAsync(mine, client));
        Assert.Null(await Hub.GetDeviceAsync(theirs, client));
        var list = await ListAllAsync(client, "/api/devices?limit=1000");
        Assert.Contains(mine, list);
        Assert.DoesNotContain(theirs, list);
        Assert.All(await ListAllAsync(client, "/api/devices?customerId=cust-b"), _ => Assert.Fail("another customer's devices listed"));
    }

    [Fact]
    public async Task CustomerSeesOnlyTheValuesTheModelLetsCustomersSee()
    {
        var id = HubFixture.NewDeviceId();
        var (secret, _) = await Hub.RegisterDeviceAsync(id, customerId: "cust-a");
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, secret);
        await device.PublishAsync("""{"values":{"temperature":10,"rpm":20}}""");
        await Hub.WaitForValueAsync(id, "rpm", 20);
        using var client = await LoginAsync("cust-a-values", Roles.Customer, customerId: "cust-a");

        var seen = await Hub.GetDeviceAsync(id, client);

        Assert.Equal(10, seen.Value("temperature"));
        Assert.Null(seen.Value("rpm"));
    }

    [Fact]
    public async Task CustomerClaimsADeviceWithItsActivationCode()
    {
        var id = HubFixture.NewDeviceId();
        var (_, code) = await Hub.RegisterDeviceAsync(id);
        using var client = await LoginAsync("cust-b-claimer", Roles.Customer, customerId: "cust-b");
        Assert.Null(await Hub.GetDeviceAsync(id, client));

        var response = await client.PostAsJsonAsync("/api/customers/me/devices/activate", new { activationCode = code });

        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        var device = await Hub.GetDeviceAsync(id, client);
        Assert.Equal("cust-b", device!["customerId"]!.GetValue<string>());
        using var other = await LoginAsync("cust-a-claimer", Roles.Customer, customerId: "cust-a");
        var again = await other.PostAsJsonAsync("/api/customers/me/devices/activate", new { activationCode = code });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task LoginWithAWrongPasswordIs401()
    {
        await Hub.CreateUserAsync("disp-wrong", Roles.Dispatcher);

        var response = await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "disp-wrong", password = "wrong" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpClient> LoginAsync(string username, string role, string? customerId = null)
        => Hub.Client(await Hub.CreateUserAsync(username, role, customerId));

    private HttpClient Client(string token) => Hub.Client(token);

    private static async Task<List<string>> ListAllAsync(HttpClient client, string url)
    {
        var page = await client.GetFromJsonAsync<JsonObject>(url);
        return page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
    }
}
