using System.Net;
using System.Net.Http.Json;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Security;

/// <summary>The probe's row 4: logout, a new password and disabling end sessions at once, not when the token expires.</summary>
[Collection(HubCollection.Name)]
public sealed class SessionRevocationTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task LogoutRevokesThePresentedTokenWhileTheUsersOtherTokenStillWorks()
    {
        using var first = Hub.Client(await Hub.CreateUserAsync("rev-logout", Roles.Dispatcher));
        using var second = Hub.Client(await Hub.LoginAsync("rev-logout", HubUsers.Password));

        var logout = await first.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task LogoutEverywhereEndsEverySessionOfTheUser()
    {
        using var first = Hub.Client(await Hub.CreateUserAsync("rev-everywhere", Roles.Dispatcher));
        using var second = Hub.Client(await Hub.LoginAsync("rev-everywhere", HubUsers.Password));

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/auth/logout?everywhere=true", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/devices")).StatusCode);
        using var again = Hub.Client(await Hub.LoginAsync("rev-everywhere", HubUsers.Password));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordRevokesEveryTokenAndAnswersANewOne()
    {
        using var first = Hub.Client(await Hub.CreateUserAsync("rev-password", Roles.Dispatcher));
        using var second = Hub.Client(await Hub.LoginAsync("rev-password", HubUsers.Password));

        var change = await first.PostAsJsonAsync("/api/users/me/password", new { currentPassword = HubUsers.Password, newPassword = "a brand new password" });

        await HubApi.EnsureAsync(change, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/devices")).StatusCode);
        using var renewed = Hub.Client((await change.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "rev-password", password = HubUsers.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "rev-password", password = "a brand new password" })).StatusCode);
    }

    [Fact]
    public async Task DisablingAUserRevokesEveryTokenAndRefusesItsSignIn()
    {
        using var first = Hub.Client(await Hub.CreateUserAsync("rev-disabled", Roles.Dispatcher));
        using var second = Hub.Client(await Hub.LoginAsync("rev-disabled", HubUsers.Password));

        await HubApi.EnsureAsync(await Hub.Admin.PutAsJsonAsync("/api/users/rev-disabled", new { role = "dispatcher", disabled = true }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "rev-disabled", password = HubUsers.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "rev-disabled", password = "not the password" })).StatusCode);

        await HubApi.EnsureAsync(await Hub.Admin.PutAsJsonAsync("/api/users/rev-disabled", new { role = "dispatcher", disabled = false }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/devices")).StatusCode);
        using var again = Hub.Client(await Hub.LoginAsync("rev-disabled", HubUsers.Password));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task ChangingTheRoleOrTheLinkedCustomerRevokesTheUsersTokens()
    {
        using var customer = Hub.Client(await Hub.CreateUserAsync("rev-relink", Roles.Customer, "cust-a"));
        using var dispatcher = Hub.Client(await Hub.CreateUserAsync("rev-role", Roles.Dispatcher));

        await HubApi.EnsureAsync(await Hub.Admin.PutAsJsonAsync("/api/users/rev-relink", new { role = "customer", customerId = "cust-b" }), HttpStatusCode.OK);
        await HubApi.EnsureAsync(await Hub.Admin.PutAsJsonAsync("/api/users/rev-role", new { role = "admin" }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await customer.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dispatcher.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task AnUpdateThatChangesNothingKeepsTheUsersTokens()
    {
        using var client = Hub.Client(await Hub.CreateUserAsync("rev-same", Roles.Customer, "cust-a"));

        await HubApi.EnsureAsync(await Hub.Admin.PutAsJsonAsync("/api/users/rev-same", new { role = "customer", customerId = "cust-a" }), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task TheBootstrapTokenIsConfigurationAndCannotBeLoggedOut()
    {
        var response = await Hub.Admin.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Hub.Admin.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task ALoggedOutTokenStaysRevokedAfterARestart()
    {
        var hub = await HubHost.StartAsync();
        var revoked = await hub.CreateUserAsync("rev-restart", Roles.Dispatcher);
        var kept = await hub.LoginAsync("rev-restart", HubUsers.Password);
        using (var client = hub.Client(revoked))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        }

        await hub.StopAsync();
        await using var restarted = await HubHost.StartAsync(hub.DataPath);

        using var revokedClient = restarted.Client(revoked);
        using var keptClient = restarted.Client(kept);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revokedClient.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keptClient.GetAsync("/api/devices")).StatusCode);
        await hub.DisposeAsync();
    }
}
