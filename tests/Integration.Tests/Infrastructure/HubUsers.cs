using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>Users for tests: stored through the hub's <see cref="UserStore"/> (there is no user API yet), signed in over HTTP.</summary>
public static class HubUsers
{
    /// <returns>A bearer token from <c>POST /api/auth/login</c>.</returns>
    public static async Task<string> CreateUserAsync(this HubHost hub, string username, string role, string? customerId = null, string? technicianId = null)
    {
        await hub.Get<UserStore>().SaveAsync(new UserAccount(username, role, PasswordHasher.Hash("pw"), customerId, technicianId));
        var response = await hub.Http.PostAsJsonAsync("/api/auth/login", new { username, password = "pw" });
        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    public static HttpClient Client(this HubHost hub, string token)
    {
        var client = new HttpClient { BaseAddress = hub.Http.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
