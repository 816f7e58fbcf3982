using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Alarms;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Security;

/// <summary>
/// What an outside probe sent the API (security issue rows 7, 9, 10 and 12): writes beyond a role, bodies that are
/// not JSON, text fields of megabytes, and the headers of every answer.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class HttpInputTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task TechniciansCannotCreateWorkOrdersWhileDispatchersAndTheDevicesOwnCustomerCan()
    {
        var device = HubFixture.NewDeviceId();
        await Hub.RegisterDeviceAsync(device, customerId: "cust-a");
        var technicianId = "tech-" + Guid.NewGuid().ToString("N")[..8];
        await HubApi.EnsureAsync(await Hub.Admin.PostAsJsonAsync("/api/technicians", new { id = technicianId, name = "Li Wei", skills = new[] { new { skill = "refrigeration", level = 3 } } }), HttpStatusCode.Created);
        using var technician = Hub.Client(await Hub.CreateUserAsync(Unique("tech"), "technician", technicianId: technicianId));
        using var dispatcher = Hub.Client(await Hub.CreateUserAsync(Unique("disp"), "dispatcher"));
        using var owner = Hub.Client(await Hub.CreateUserAsync(Unique("cust"), "customer", customerId: "cust-a"));
        var body = new { deviceId = device, type = "repair", skill = "refrigeration", level = 2, description = "noisy compressor" };

        var byTechnician = await technician.PostAsJsonAsync("/api/work-orders", body);
        var byDispatcher = await dispatcher.PostAsJsonAsync("/api/work-orders", body);
        var byOwner = await owner.PostAsJsonAsync("/api/work-orders", body);

        Assert.Equal(HttpStatusCode.Forbidden, byTechnician.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byDispatcher.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byOwner.StatusCode);
        Assert.Equal(2, (await Hub.WorkOrdersAsync($"deviceId={device}")).Count);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task ABodyThatIsNotJsonIsAnsweredUnsupportedMediaTypeOnEveryWriteRoute(string contentType)
    {
        var device = HubFixture.NewDeviceId();
        await Hub.RegisterDeviceAsync(device, customerId: "cust-a");
        var order = await Hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId = device, skill = "refrigeration" });
        await HubApi.EnsureAsync(order, HttpStatusCode.Created);
        var orderId = (await order.Content.ReadFromJsonAsync<JsonObject>()).Text("id");

        foreach (var route in new[] { $"/api/work-orders/{orderId}/rate", $"/api/work-orders/{orderId}/hold", "/api/work-orders", "/api/customers", "/api/devices", "/api/dispatch/solve" })
        {
            var response = await Hub.Admin.PostAsync(route, new StringContent("{\"rating\":5}", Encoding.UTF8, contentType));

            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{route} answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task JsonThatCannotBeReadIsA400ThatSaysWhereWithoutNamingDotNetTypes()
    {
        var malformed = await Hub.Admin.PostAsync("/api/customers", new StringContent("{\"id\":\"c1\",\"name\":", Encoding.UTF8, "application/json"));
        var wrongType = await Hub.Admin.PostAsync("/api/customers", new StringContent("{\"id\":\"c1\",\"name\":\"n\",\"contacts\":\"none\"}", Encoding.UTF8, "application/json"));
        var badQuery = await Hub.Admin.GetAsync("/api/devices?limit=many");

        foreach (var response in new[] { malformed, wrongType, badQuery })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("IotService.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        }

        Assert.Contains("$.contacts", (await wrongType.Content.ReadFromJsonAsync<JsonObject>()).Text("detail"), StringComparison.Ordinal);
        Assert.Contains("'limit'", (await badQuery.Content.ReadFromJsonAsync<JsonObject>()).Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverOneMegabyteIsRefusedWith413AndNothingIsCreated()
    {
        var id = Unique("big");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers")
        {
            Content = new StringContent(HubApi.Json(new { id, name = new string('x', 10 * 1024 * 1024), tier = "core" }), Encoding.UTF8, "application/json"),
        };

        // As curl does for large bodies: the hub refuses on the declared length, before a byte of the body is sent.
        request.Headers.ExpectContinue = true;
        var response = await Hub.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Hub.Admin.GetAsync($"/api/customers/{id}")).StatusCode);
    }

    [Fact]
    public async Task NamesOver200AndNotesOver4000CharactersAreRefusedFieldByFieldWhileTheLimitsThemselvesPass()
    {
        var customer = Unique("cust");
        var tooLongName = await Hub.Admin.PostAsJsonAsync("/api/customers", new
        {
            id = customer, name = new string('n', 201), tier = "core", contacts = new[] { new { name = "Zhang Min", email = new string('e', 201) } },
        });
        var device = await Hub.Admin.PostAsJsonAsync("/api/devices", new { modelId = "chiller-x", name = new string('d', 201) });
        var atTheLimit = await Hub.Admin.PostAsJsonAsync("/api/customers", new { id = customer, name = new string('n', 200), tier = "core" });

        var deviceId = HubFixture.NewDeviceId();
        await Hub.RegisterDeviceAsync(deviceId, customerId: "cust-a");
        var longDescription = await Hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId, skill = "refrigeration", description = new string('w', 4001) });
        var order = await Hub.Admin.PostAsJsonAsync("/api/work-orders", new { deviceId, skill = "refrigeration", description = new string('w', 4000) });
        var orderId = (await order.Content.ReadFromJsonAsync<JsonObject>()).Text("id");
        var longNote = await Hub.Admin.PostAsJsonAsync($"/api/work-orders/{orderId}/hold", new { note = new string('h', 4001) });

        Assert.Equal(HttpStatusCode.BadRequest, tooLongName.StatusCode);
        var errors = (await tooLongName.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["contacts[0].email", "name"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, device.StatusCode);
        Assert.True((await device.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("name"));
        Assert.Equal(HttpStatusCode.Created, atTheLimit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longDescription.StatusCode);
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        var stored = await Hub.Admin.GetFromJsonAsync<JsonObject>($"/api/work-orders/{orderId}");
        Assert.Equal("new", stored.Text("state"));
    }

    [Fact]
    public async Task EveryAnswerCarriesTheSecurityHeadersAndNoServerHeader()
    {
        var api = await Hub.Admin.GetAsync("/api/devices?limit=1");
        var unauthenticated = await Hub.Http.GetAsync("/api/devices");
        var page = await Hub.Http.GetAsync("/no-such-page");

        foreach (var response in new[] { api, unauthenticated, page })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.False(response.Headers.Contains("Server"), "no Server header");
        }

        Assert.True(api.Headers.CacheControl?.NoStore, "API answers are not cached");
        Assert.True(unauthenticated.Headers.CacheControl?.NoStore, "API answers are not cached");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..16];
}
