using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Auth;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Api;

/// <summary>
/// <c>GET /api/device-models/{id}/anomaly-model</c> before there is a detector, and who may ask. A trained detector is
/// read in <c>MultivariateAlarmTests</c>, which trains one.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class AnomalyModelApiTests(HubFixture fixture)
{
    private HubHost Hub => fixture.Hub;

    [Fact]
    public async Task AModelWithoutADetectorAnswers404SayingWhyAndAnUnknownModel404SayingSo()
    {
        await Hub.CreateChillerModelAsync("anomaly-api-x");

        var none = await Hub.Admin.GetAsync("/api/device-models/anomaly-api-x/anomaly-model");
        var unknown = await Hub.Admin.GetAsync("/api/device-models/no-such-model/anomaly-model");

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (none.StatusCode, none.Content.Headers.ContentType?.MediaType));
        var problem = (await none.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("No anomaly model yet", problem["title"]!.GetValue<string>());
        Assert.Contains("no enabled anomaly rule on every property", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("No device model 'no-such-model'", (await unknown.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldStaffMayAskCustomersAre403AndStrangers401()
    {
        await Hub.CreateChillerModelAsync("anomaly-api-y");
        using var technician = Hub.Client(await Hub.CreateUserAsync("anomaly-api-tech", Roles.Technician));
        using var dispatcher = Hub.Client(await Hub.CreateUserAsync("anomaly-api-disp", Roles.Dispatcher));
        using var customer = Hub.Client(await Hub.CreateUserAsync("anomaly-api-cust", Roles.Customer, customerId: "cust-a"));
        const string Route = "/api/device-models/anomaly-api-y/anomaly-model";

        Assert.Equal(HttpStatusCode.NotFound, (await technician.GetAsync(Route)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dispatcher.GetAsync(Route)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync(Route)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Http.GetAsync(Route)).StatusCode);
    }
}
