using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Auth.Tokens;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;
using IotService.Storage.Catalogs;

namespace IotService.Integration.Tests.Security;

/// <summary>Sign-in on ASP.NET Core Identity: the token contract, what a 401 says, and which tokens are refused.</summary>
[Collection(HubCollection.Name)]
public sealed class AccountTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task LoginAnswersTheTokenContractAndTheTokenWorksOnTheApi()
    {
        await Hub.CreateUserAsync("acc-contract", Roles.Customer, "cust-a");

        var response = await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "ACC-Contract", password = HubUsers.Password });

        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        var login = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(
            ["customerId", "expiresAt", "mustChangePassword", "role", "technicianId", "token", "username"],
            login.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("customer", "cust-a", false, "acc-contract"), (login.Text("role"), login.Text("customerId"), login["mustChangePassword"]!.GetValue<bool>(), login.Text("username")));
        var expires = DateTimeOffset.Parse(login.Text("expiresAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));

        using var client = Hub.Client(login.Text("token"));
        var me = (await client.GetFromJsonAsync<JsonObject>("/api/auth/me"))!;
        Assert.Equal(("acc-contract", "customer", "cust-a", "bearer"), (me.Text("username"), me.Text("role"), me.Text("customerId"), me.Text("authentication")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task EveryUnauthenticatedAnswerIs401WithWwwAuthenticateBearer()
    {
        var none = await Hub.Http.GetAsync("/api/devices");
        using var forged = Hub.Client("not-a-token");
        var invalid = await forged.GetAsync("/api/devices");
        var hub = await Hub.Http.PostAsync("/hubs/map/negotiate?negotiateVersion=1", null);
        var wrongPassword = await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "nobody-at-all", password = "wrong password" });

        Assert.All(new[] { none, invalid, hub, wrongPassword }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Bearer error=\"invalid_token\"", invalid.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Bearer", hub.Headers.WwwAuthenticate.ToString());
        Assert.Equal("Bearer", wrongPassword.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnOverlongUserNameOrPasswordIsRefusedLikeAWrongOne()
    {
        await Hub.CreateUserAsync("acc-long", Roles.Dispatcher);

        var longName = await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = new string('a', 65), password = HubUsers.Password });
        var longPassword = await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "acc-long", password = new string('p', 1025) });

        Assert.Equal(HttpStatusCode.Unauthorized, longName.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, longPassword.StatusCode);
    }

    [Fact]
    public async Task AValidlyProtectedTokenForAUserThatDoesNotExistIsRefused()
    {
        // What whoever copied the key ring could mint: it decrypts, but names no account.
        var ticket = new SessionTicket("ghost", "ghost", Roles.Admin, null, null, false, "any-stamp", "any-session", DateTimeOffset.UtcNow.AddYears(10));
        using var client = Hub.Client(Hub.Get<AccessTokenFormat>().Protect(ticket));

        var response = await client.GetAsync("/api/devices");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task AValidlyProtectedTokenWithAnotherStampThanTheAccountsIsRefused()
    {
        await Hub.CreateUserAsync("acc-stamp", Roles.Dispatcher);
        var ticket = new SessionTicket("acc-stamp", "acc-stamp", Roles.Admin, null, null, false, "guessed-stamp", "any-session", DateTimeOffset.UtcNow.AddHours(1));
        using var client = Hub.Client(Hub.Get<AccessTokenFormat>().Protect(ticket));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task ATokenMintedWithTheKeyRingToLastTenYearsIsRefusedEvenWithTheAccountsStamp()
    {
        await Hub.CreateUserAsync("acc-ten-years", Roles.Admin);
        var stamp = JsonNode.Parse((await Hub.Get<IDocumentCatalog>().GetAsync("user", "acc-ten-years"))!)!["securityStamp"]!.GetValue<string>();
        var format = Hub.Get<AccessTokenFormat>();
        var ticket = new SessionTicket("acc-ten-years", "acc-ten-years", Roles.Admin, null, null, false, stamp, "minted", DateTimeOffset.UtcNow.AddYears(10));
        using var tenYears = Hub.Client(format.Protect(ticket));
        using var anHour = Hub.Client(format.Protect(ticket with { ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await tenYears.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anHour.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task AnAccountStoredWithTheOldHashFormatSignsInAndIsRehashedToIdentitysFormat()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var old = $"pbkdf2$100000${Convert.ToBase64String(salt)}${Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2("old password", salt, 100_000, HashAlgorithmName.SHA256, 32))}";
        var catalog = Hub.Get<IDocumentCatalog>();
        await catalog.UpsertAsync("user", "acc-legacy", $$"""{"username":"acc-legacy","role":"dispatcher","passwordHash":"{{old}}"}""", DateTimeOffset.UtcNow);

        using var first = Hub.Client(await Hub.LoginAsync("acc-legacy", "old password"));

        var stored = JsonNode.Parse((await catalog.GetAsync("user", "acc-legacy"))!)!;
        var hash = stored["passwordHash"]!.GetValue<string>();
        Assert.DoesNotContain("pbkdf2", hash, StringComparison.Ordinal);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/devices")).StatusCode);
        using var second = Hub.Client(await Hub.LoginAsync("acc-legacy", "old password"));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/devices")).StatusCode);
    }
}
