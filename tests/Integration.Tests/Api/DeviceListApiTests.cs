using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Api;

/// <summary>
/// <c>GET /api/devices</c> as the dispatcher console uses it (issue 16): search, combined filters, worst first with
/// cursors, the total, customer scoping and bad parameters. Each test registers devices of its own model, so lists
/// filtered by that model see only them on the shared hub.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class DeviceListApiTests(HubFixture fixture)
{
    private readonly Dictionary<string, string> _secrets = [];

    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task SearchFindsDevicesByIdNameOrCustomerNameIgnoringCase()
    {
        var (model, customer, tag) = await NewFleetAsync();
        var named = await RegisterAsync(model, $"Chiller {tag} Shanghai 01", customer);
        var other = await RegisterAsync(model, $"Purifier {tag} Beijing 02");

        Assert.Equal([named], await IdsAsync($"modelId={model}&search={tag.ToUpperInvariant()}%20SHANGHAI"));
        Assert.Equal([other], await IdsAsync($"modelId={model}&search={other[^6..]}"));
        Assert.Equal([named], await IdsAsync($"modelId={model}&search=company%20of%20{tag}"));
        Assert.Empty(await IdsAsync($"modelId={model}&search=nowhere"));
    }

    [Fact]
    public async Task FiltersCombineAndTakeCommaSeparatedLists()
    {
        var (model, customer, tag) = await NewFleetAsync();
        var (otherModel, otherCustomer, _) = await NewFleetAsync();
        var a = await RegisterAsync(model, $"A {tag}", customer);
        var b = await RegisterAsync(otherModel, $"B {tag}", otherCustomer);
        var c = await RegisterAsync(otherModel, $"C {tag}", customer);
        await PublishAsync(c, temperature: 95);
        await Eventually.GetAsync(() => IdsAsync($"modelId={otherModel}&severity=critical"), ids => ids.Count == 1, what: "the critical device listed");

        Assert.Equal(Sorted(a, b, c), await IdsAsync($"modelId={model},{otherModel}"));
        Assert.Equal(Sorted(a, c), await IdsAsync($"modelId={model},{otherModel}&customerId={customer}"));
        Assert.Equal(Sorted(a, b, c), await IdsAsync($"modelId={model},{otherModel}&customerId={customer},{otherCustomer}"));
        Assert.Equal([c], await IdsAsync($"modelId={model},{otherModel}&severity=critical,major&status=online"));
        Assert.Equal([c], await IdsAsync($"modelId={model},{otherModel}&customerId={customer}&search={tag}&severity=critical"));
        Assert.Equal([b], await IdsAsync($"modelId={model},{otherModel}&status=unknown&customerId={otherCustomer}"));
    }

    [Fact]
    public async Task WorstFirstPagesCoverEveryDeviceOnceWithTheCriticalOnesFirst()
    {
        var (model, _, tag) = await NewFleetAsync();
        var devices = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            devices.Add(await RegisterAsync(model, $"{tag} {i}"));
        }

        await PublishAsync(devices[5], temperature: 99);
        await PublishAsync(devices[2], temperature: 99);
        await Eventually.GetAsync(() => IdsAsync($"modelId={model}&severity=critical"), ids => ids.Count == 2, what: "two critical devices");

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await ListAsync($"modelId={model}&sort=worst&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal([.. Sorted(devices[2], devices[5]), .. Sorted([.. devices.Where((_, i) => i is not 2 and not 5)])], seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task TheTotalComesOnlyWhenAskedAndCountsEveryMatch()
    {
        var (model, _, tag) = await NewFleetAsync();
        for (var i = 0; i < 5; i++)
        {
            await RegisterAsync(model, $"{tag} {i}");
        }

        var counted = await ListAsync($"modelId={model}&limit=2&count=true");
        var plain = await ListAsync($"modelId={model}&limit=2");
        var none = await ListAsync($"modelId={model}&search=nothing-like-this&count=true");

        Assert.Equal(5, counted["total"]!.GetValue<long>());
        Assert.Equal(2, counted["items"]!.AsArray().Count);
        Assert.False(plain.ContainsKey("total"));
        Assert.Equal(0, none["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task ARowCarriesWhatTheConsoleShows()
    {
        var (model, customer, tag) = await NewFleetAsync();
        var id = await RegisterAsync(model, $"Chiller {tag}", customer);
        await PublishAsync(id, temperature: 21.5);
        var row = (await Eventually.GetAsync(
            () => ListAsync($"modelId={model}&sort=worst"),
            page => page["items"]![0]!["values"]!.AsObject().Count > 0,
            what: "the reading in the list"))["items"]![0]!.AsObject();

        Assert.Equal(id, row["id"]!.GetValue<string>());
        Assert.Equal($"Chiller {tag}", row["name"]!.GetValue<string>());
        Assert.Equal(model, row["modelId"]!.GetValue<string>());
        Assert.Equal(customer, row["customerId"]!.GetValue<string>());
        Assert.Equal($"Company of {tag}", row["customerName"]!.GetValue<string>());
        Assert.Equal("online", row["status"]!.GetValue<string>());
        Assert.Equal("none", row["severity"]!.GetValue<string>());
        Assert.NotNull(row["lastSeen"]);
        Assert.Equal(31.23, row["location"]!["lat"]!.GetValue<double>());
        var temperature = row["values"]!["temperature"]!;
        Assert.Equal(21.5, temperature["value"]!.GetValue<double>());
        Assert.Equal("°C", temperature["unit"]!.GetValue<string>());
        Assert.NotNull(temperature["timestamp"]);
    }

    [Fact]
    public async Task ACustomerListsOnlyItsOwnDevicesWithCustomerVisibleValues()
    {
        var (model, customer, tag) = await NewFleetAsync();
        var (_, otherCustomer, _) = await NewFleetAsync();
        var own = await RegisterAsync(model, $"Own {tag}", customer);
        var foreign = await RegisterAsync(model, $"Foreign {tag}", otherCustomer);
        await PublishAsync(own, temperature: 20, rpm: 1200);
        await PublishAsync(foreign, temperature: 20, rpm: 1200);
        using var client = Hub.Client(await Hub.CreateUserAsync($"owner-{tag}", "customer", customerId: customer));

        var mine = await Eventually.GetAsync(
            () => ListAsync($"modelId={model}&count=true", client), page => page["items"]!.AsArray().Any(item => item!["values"]!.AsObject().Count > 0), what: "own reading");
        var asksForOther = await ListAsync($"customerId={otherCustomer}&count=true", client);
        var searchesOther = await ListAsync($"search=Foreign%20{tag}&count=true", client);

        var row = Assert.Single(mine["items"]!.AsArray())!;
        Assert.Equal(own, row["id"]!.GetValue<string>());
        Assert.Equal(1, mine["total"]!.GetValue<long>());
        Assert.Equal(["door", "temperature"], row["values"]!.AsObject().Select(v => v.Key).Order(StringComparer.Ordinal));
        Assert.Empty(asksForOther["items"]!.AsArray());
        Assert.Equal(0, asksForOther["total"]!.GetValue<long>());
        Assert.Empty(searchesOther["items"]!.AsArray());
    }

    [Theory]
    [InlineData("sort=best", "sort")]
    [InlineData("severity=critical,apocalyptic", "severity")]
    [InlineData("status=sleeping", "status")]
    [InlineData("customerId=not%20an%20id!", "customerId")]
    [InlineData("modelId=a,b%3Cscript%3E", "modelId")]
    [InlineData("limit=0", "limit")]
    public async Task BadParametersAreRefusedWithAProblemNamingTheField(string query, string field)
    {
        var response = await Hub.Admin.GetAsync($"/api/devices?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors name {string.Join(", ", errors.Select(e => e.Key))}");
    }

    [Fact]
    public async Task ASearchTooLongACursorOfTheOtherOrderAndANonBooleanCountAreRefused()
    {
        var (model, _, tag) = await NewFleetAsync();
        await RegisterAsync(model, $"{tag} 1");
        await RegisterAsync(model, $"{tag} 2");
        var byId = (await ListAsync($"modelId={model}&limit=1"))["nextCursor"]!.GetValue<string>();

        var tooLong = await Hub.Admin.GetAsync($"/api/devices?search={new string('x', 101)}");
        var wrongCursor = await Hub.Admin.GetAsync($"/api/devices?modelId={model}&sort=worst&cursor={Uri.EscapeDataString(byId)}");
        var count = await Hub.Admin.GetAsync("/api/devices?count=maybe");

        Assert.All([tooLong, wrongCursor, count], response =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        });
    }

    private async Task<(string Model, string Customer, string Tag)> NewFleetAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await Hub.CreateChillerModelAsync($"list-{tag}");
        await HubApi.EnsureAsync(await Hub.Admin.PostAsJsonAsync("/api/customers", new { id = $"cust-{tag}", name = $"Company of {tag}", tier = "core" }), HttpStatusCode.Created);
        return ($"list-{tag}", $"cust-{tag}", tag);
    }

    private async Task<string> RegisterAsync(string model, string name, string? customerId = null)
    {
        var id = HubFixture.NewDeviceId();
        var response = await Hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId = model, customerId, name, location = new { lat = 31.23, lon = 121.47 } });
        await HubApi.EnsureAsync(response, HttpStatusCode.Created);
        _secrets[id] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
        return id;
    }

    private async Task PublishAsync(string id, double temperature, double rpm = 1000)
    {
        await using var device = await MqttDevice.ConnectAsync(Hub.MqttPort, id, _secrets[id]);
        await device.PublishAsync($"{{\"values\":{{\"temperature\":{temperature},\"rpm\":{rpm},\"door\":0}}}}");
    }

    private async Task<JsonObject> ListAsync(string query, HttpClient? client = null)
    {
        var response = await (client ?? Hub.Admin).GetAsync($"/api/devices?{query}");
        await HubApi.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<List<string>> IdsAsync(string query) =>
        [.. (await ListAsync(query))["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>())];

    private static List<string> Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];
}
