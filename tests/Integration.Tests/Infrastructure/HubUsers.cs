using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>Users for tests: created through <c>POST /api/users</c> as the bootstrap admin, signed in over HTTP.</summary>
public static class HubUsers
{
    /// <summary>The password of every user <see cref="CreateUserAsync"/> makes (long enough for the default policy).</summary>
    public const string Password = "test-password-1";

    /// <summary>
    /// The route insists that a technician account links an existing technician and a customer account an existing
    /// customer; a missing record is created here with placeholder details (a technician without a named record is linked
    /// to one named after the user), so tests may name links freely. The rule itself is tested in UserAdministrationTests.
    /// </summary>
    /// <returns>A bearer token from <c>POST /api/auth/login</c>.</returns>
    public static async Task<string> CreateUserAsync(this HubHost hub, string username, string role, string? customerId = null, string? technicianId = null)
    {
        if (role == Roles.Technician)
        {
            technicianId ??= username;
            await EnsureAsync(hub, $"/api/technicians/{technicianId}", "/api/technicians", new { id = technicianId, name = technicianId, skills = new[] { new { skill = "general", level = 1 } } });
        }

        if (role == Roles.Customer && customerId is not null)
        {
            await EnsureAsync(hub, $"/api/customers/{customerId}", "/api/customers", new { id = customerId, name = customerId, tier = "standard" });
        }

        var created = await hub.Admin.PostAsJsonAsync("/api/users", new { username, role, customerId, technicianId, password = Password });
        await HubApi.EnsureAsync(created, HttpStatusCode.Created);
        return await hub.LoginAsync(username, Password);
    }

    /// <returns>A bearer token.</returns>
    public static async Task<string> LoginAsync(this HubHost hub, string username, string password)
    {
        var response = await hub.Http.PostAsJsonAsync("/api/auth/login", new { username, password });
        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    public static HttpClient Client(this HubHost hub, string token)
    {
        var client = new HttpClient { BaseAddress = hub.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task EnsureAsync(HubHost hub, string get, string create, object record)
    {
        if ((await hub.Admin.GetAsync(get)).StatusCode == HttpStatusCode.NotFound)
        {
            var response = await hub.Admin.PostAsJsonAsync(create, record);
            if (response.StatusCode != HttpStatusCode.Conflict)
            {
                await HubApi.EnsureAsync(response, HttpStatusCode.Created);
            }
        }
    }
}
