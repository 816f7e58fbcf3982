using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Security;

/// <summary>
/// SPEC §5 users: a hub without demo mode can give people logins. Administrators create, change and reset accounts;
/// a one-time password only lets its holder choose their own.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class UserAdministrationTests(HubFixture fixture)
{
    private static readonly string[] ViewFields = ["customerId", "disabled", "lockedOutUntil", "mustChangePassword", "role", "technicianId", "username"];

    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task AUserCreatedWithoutAPasswordGetsAOneTimePasswordThatOnlyLetsItChooseItsOwn()
    {
        var created = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-fresh", role = "dispatcher" });

        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        Assert.Equal("/api/users/adm-fresh", created.Headers.Location?.OriginalString);
        var user = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(user["mustChangePassword"]!.GetValue<bool>());
        var oneTime = user.Text("oneTimePassword");
        Assert.True(oneTime.Length >= 16);

        var login = await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "adm-fresh", password = oneTime });
        var session = (await login.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(session["mustChangePassword"]!.GetValue<bool>());
        using var restricted = Hub.Client(session.Text("token"));

        var refused = await restricted.GetAsync("/api/devices");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Password change required", problem.Text("title"));
        Assert.Contains("/api/users/me/password", problem.Text("detail"), StringComparison.Ordinal);
        Assert.True((await restricted.GetFromJsonAsync<JsonObject>("/api/auth/me"))!["mustChangePassword"]!.GetValue<bool>());
        var live = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(Hub, session.Text("token")));
        Assert.Equal(HttpStatusCode.Forbidden, live.StatusCode);

        var wrong = await restricted.PostAsJsonAsync("/api/users/me/password", new { currentPassword = "not it", newPassword = "my own password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var tooShort = await restricted.PostAsJsonAsync("/api/users/me/password", new { currentPassword = oneTime, newPassword = "short" });
        Assert.Equal(["newPassword"], await ErrorFieldsAsync(tooShort));
        var changed = await restricted.PostAsJsonAsync("/api/users/me/password", new { currentPassword = oneTime, newPassword = "my own password" });

        await HubApi.EnsureAsync(changed, HttpStatusCode.OK);
        var renewed = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(renewed["mustChangePassword"]!.GetValue<bool>());
        using var client = Hub.Client(renewed.Text("token"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await restricted.GetAsync("/api/auth/me")).StatusCode);
        Assert.False((await Hub.Admin.GetFromJsonAsync<JsonObject>("/api/users/adm-fresh"))!["mustChangePassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnAdministratorsResetSetsAOneTimePasswordAndEndsTheUsersSessions()
    {
        using var before = Hub.Client(await Hub.CreateUserAsync("adm-reset", Roles.Technician));

        var reset = await Hub.Admin.PostAsync("/api/users/adm-reset/password", null);

        await HubApi.EnsureAsync(reset, HttpStatusCode.OK);
        var answer = (await reset.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(answer["mustChangePassword"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "adm-reset", password = HubUsers.Password })).StatusCode);
        var login = await Hub.Http.PostAsJsonAsync("/api/auth/login", new { username = "adm-reset", password = answer.Text("oneTimePassword") });
        await HubApi.EnsureAsync(login, HttpStatusCode.OK);
        Assert.True((await login.Content.ReadFromJsonAsync<JsonObject>())!["mustChangePassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ATechnicianUserMustLinkAnExistingTechnicianAndNothingElse()
    {
        var missing = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-tech", role = "technician", technicianId = "adm-no-such-tech" });
        var unlinked = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-tech", role = "technician" });
        await HubApi.EnsureAsync(
            await Hub.Admin.PostAsJsonAsync("/api/technicians", new { id = "adm-tech-1", name = "Tech One", skills = new[] { new { skill = "hvac", level = 2 } } }),
            HttpStatusCode.Created);
        var alsoCustomer = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-tech", role = "technician", technicianId = "adm-tech-1", customerId = "cust-a" });
        var linked = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-tech", role = "technician", technicianId = "adm-tech-1", password = HubUsers.Password });

        Assert.Equal(["technicianId"], await ErrorFieldsAsync(missing));
        Assert.Equal(["technicianId"], await ErrorFieldsAsync(unlinked));
        Assert.Equal(["customerId"], await ErrorFieldsAsync(alsoCustomer));
        await HubApi.EnsureAsync(linked, HttpStatusCode.Created);
        var user = (await linked.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("technician", "adm-tech-1", false), (user.Text("role"), user.Text("technicianId"), user["mustChangePassword"]!.GetValue<bool>()));
        Assert.Null(user["oneTimePassword"]);
        using var client = Hub.Client(await Hub.LoginAsync("adm-tech", HubUsers.Password));
        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.Equal("adm-tech-1", me.Text("technicianId"));
    }

    [Fact]
    public async Task ACustomerUserMustLinkAnExistingCustomerAndStaffLinkNothing()
    {
        var missing = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-cust", role = "customer", customerId = "adm-no-such-customer" });
        var staffWithLink = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-cust", role = "dispatcher", customerId = "cust-a" });
        var badRole = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-cust", role = "owner" });
        var linked = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-cust", role = "customer", customerId = "cust-a" });

        Assert.Equal(["customerId"], await ErrorFieldsAsync(missing));
        Assert.Equal(["customerId"], await ErrorFieldsAsync(staffWithLink));
        Assert.Equal(["role"], await ErrorFieldsAsync(badRole));
        await HubApi.EnsureAsync(linked, HttpStatusCode.Created);
    }

    [Fact]
    public async Task NamesArePlainUniqueCaseInsensitiveAndPasswordsMeetThePolicy()
    {
        await Hub.CreateUserAsync("adm-unique", Roles.Dispatcher);

        var taken = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "ADM-Unique", role = "dispatcher" });
        var me = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "me", role = "dispatcher" });
        var odd = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "a b/c", role = "dispatcher" });
        var weak = await Hub.Admin.PostAsJsonAsync("/api/users", new { username = "adm-weak", role = "dispatcher", password = "short" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(["username"], await ErrorFieldsAsync(me));
        Assert.Equal(["username"], await ErrorFieldsAsync(odd));
        Assert.Equal(["password"], await ErrorFieldsAsync(weak));
    }

    [Fact]
    public async Task UsersAreListedInPagesWithoutHashesStampsOrSessions()
    {
        foreach (var name in new[] { "adm-list-1", "adm-list-2", "adm-list-3" })
        {
            await Hub.CreateUserAsync(name, Roles.Dispatcher);
        }

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = (await Hub.Admin.GetFromJsonAsync<JsonObject>($"/api/users?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}"))!;
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 1, 2);
            Assert.All(items, item => Assert.Equal(ViewFields, item!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)));
            names.AddRange(items.Select(i => i.Text("username")));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Superset(new HashSet<string> { "adm-list-1", "adm-list-2", "adm-list-3" }, names.ToHashSet());
        Assert.Equal(names.Count, names.Distinct().Count());
        var one = (await Hub.Admin.GetFromJsonAsync<JsonObject>("/api/users/adm-list-2"))!;
        Assert.Equal(ViewFields, one.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task OnlyAdministratorsManageUsersAndAnUnknownUserIs404()
    {
        using var dispatcher = Hub.Client(await Hub.CreateUserAsync("adm-dispatcher", Roles.Dispatcher));

        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsJsonAsync("/api/users", new { username = "adm-x", role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PutAsJsonAsync("/api/users/adm-dispatcher", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PostAsync("/api/users/adm-dispatcher/password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Hub.Admin.PutAsJsonAsync("/api/users/adm-nobody", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Hub.Admin.PostAsync("/api/users/adm-nobody/password", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Hub.Admin.GetAsync("/api/users/adm-nobody")).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorChangesARoleAndItsLinks()
    {
        await Hub.CreateUserAsync("adm-promote", Roles.Customer, "cust-a");

        var promoted = await Hub.Admin.PutAsJsonAsync("/api/users/adm-promote", new { role = "dispatcher" });
        var relinkedWrongly = await Hub.Admin.PutAsJsonAsync("/api/users/adm-promote", new { role = "customer", customerId = "adm-no-such-customer" });

        await HubApi.EnsureAsync(promoted, HttpStatusCode.OK);
        var user = (await promoted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(("dispatcher", (string?)null), (user.Text("role"), user["customerId"]?.GetValue<string>()));
        Assert.Equal(["customerId"], await ErrorFieldsAsync(relinkedWrongly));
        using var client = Hub.Client(await Hub.LoginAsync("adm-promote", HubUsers.Password));
        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me");
        Assert.Equal("dispatcher", me.Text("role"));
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return [.. problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal)];
    }
}
