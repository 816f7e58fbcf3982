using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Live;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace IotService.Integration.Tests.Security;

/// <summary>The probe's row 5: a live connection outlived its token. Now it closes at expiry, and at once when its session ends.</summary>
[Collection(HubCollection.Name)]
public sealed class LiveConnectionSecurityTests(HubFixture fixture)
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task AConnectionIsClosedWhenItsTokenExpires()
    {
        // 0.001 h = 3.6 s.
        await using var hub = await HubHost.StartAsync(settings: new Dictionary<string, string> { ["Auth:TokenLifetimeHours"] = "0.001" });
        await hub.CreateUserAsync("live-expiring", Roles.Dispatcher);
        var login = await hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "live-expiring", password = HubUsers.Password });
        var session = (await login.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = session.Text("token");
        var expiresAt = DateTimeOffset.Parse(session.Text("expiresAt"), CultureInfo.InvariantCulture);
        await using var live = await LiveClient.ConnectAsync(hub, token);
        Assert.Equal(HubConnectionState.Connected, live.State);

        var error = await live.Closed.WaitAsync(TimeSpan.FromSeconds(20));

        // SignalR checks expiry on its once-a-second heartbeat; it was seen to close a tenth of a second early.
        var now = DateTimeOffset.UtcNow;
        Assert.True(now >= expiresAt - TimeSpan.FromSeconds(1), $"closed at {now:O}, well before the token expired at {expiresAt:O}: {error}");
        using var client = hub.Client(token);
        await Eventually.GetAsync(async () => (await client.GetAsync("/api/devices")).StatusCode, s => s == HttpStatusCode.Unauthorized, what: "the expired token refused");
    }

    [Fact]
    public async Task AConnectionWhoseSessionIsLoggedOutIsClosedAtOnceAndTheUsersOtherConnectionStays()
    {
        var revoked = await Hub.CreateUserAsync("live-logout", Roles.Dispatcher);
        var kept = await Hub.LoginAsync("live-logout", HubUsers.Password);
        await using var revokedLive = await LiveClient.ConnectAsync(Hub, revoked);
        await using var keptLive = await LiveClient.ConnectAsync(Hub, kept, tokenInQueryString: true);
        using var client = Hub.Client(revoked);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        await revokedLive.Closed.WaitAsync(AtOnce);
        Assert.Equal(HubConnectionState.Connected, keptLive.State);
        Assert.Equal(1, await LiveConnectionsOfAsync("live-logout"));
    }

    [Fact]
    public async Task DisablingAUserClosesAllItsConnectionsAtOnce()
    {
        var first = await Hub.CreateUserAsync("live-disabled", Roles.Customer, "cust-a");
        var second = await Hub.LoginAsync("live-disabled", HubUsers.Password);
        await using var firstLive = await LiveClient.ConnectAsync(Hub, first);
        await using var secondLive = await LiveClient.ConnectAsync(Hub, second);

        await HubApi.EnsureAsync(await Hub.Admin.PutAsJsonAsync("/api/users/live-disabled", new { role = "customer", customerId = "cust-a", disabled = true }), HttpStatusCode.OK);

        await Task.WhenAll(firstLive.Closed, secondLive.Closed).WaitAsync(AtOnce);
    }

    [Fact]
    public async Task ANewPasswordClosesTheConnectionsOfTheOldOne()
    {
        var token = await Hub.CreateUserAsync("live-password", Roles.Technician);
        await using var live = await LiveClient.ConnectAsync(Hub, token);
        using var client = Hub.Client(token);

        await HubApi.EnsureAsync(await client.PostAsJsonAsync("/api/users/me/password", new { currentPassword = HubUsers.Password, newPassword = "another long password" }), HttpStatusCode.OK);

        await live.Closed.WaitAsync(AtOnce);
    }

    [Fact]
    public async Task ARevokedOrForeignTokenCannotConnect()
    {
        var token = await Hub.CreateUserAsync("live-refused", Roles.Dispatcher);
        using var client = Hub.Client(token);
        await client.PostAsync("/api/auth/logout", null);

        var revoked = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(Hub, token));
        var foreign = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(Hub, "not-a-token", tokenInQueryString: true));

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
    }

    private async Task<int> LiveConnectionsOfAsync(string user)
        => await Eventually.GetAsync(() => Task.FromResult(Hub.Get<LiveConnections>().CountOf(user)), n => n == 1, what: $"one live connection of {user}");
}
