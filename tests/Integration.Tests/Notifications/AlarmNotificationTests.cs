using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Contracts.Alarms;
using IotService.Contracts.Common;
using IotService.Dashboard.Live;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Notifications;

/// <summary>
/// Alarm changes published to the hub's <see cref="IAlarmNotifier"/> (as the device grain does) reach SignalR
/// clients by role and customer, and configured webhook receivers signed.
/// </summary>
public sealed class AlarmNotificationTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    private HubHost Hub => fixture.Hub;

    private static string NewAlarmId() => "alarm-" + Guid.NewGuid().ToString("N")[..12];

    private void Publish(string alarmId, string? customerId, params NotifyAudience[] notify)
    {
        var at = DateTimeOffset.UtcNow;
        var alarm = new AlarmRecord(
            alarmId, "dev-1", "chiller-x", customerId, "overheat", "threshold", Severity.Critical, AlarmState.Active, at,
            new AlarmExplanation("temperature 95 °C > 90 °C", "temperature", 95, null, 90), [], at);
        Hub.Get<IAlarmNotifier>().Publish(new AlarmChange(alarm, "raised", notify));
    }

    [Fact]
    public async Task AnAdminOnTheMapHubReceivesAlarmsInTheApiJsonConventions()
    {
        await using var admin = await LiveClient.ConnectAsync(Hub, HubHost.AdminToken);
        var id = NewAlarmId();

        Publish(id, "cust-a");

        var message = await admin.NextAboutAsync(LiveMethods.Alarm, id);
        Assert.Equal("raised", message.GetProperty("event").GetString());
        var alarm = message.GetProperty("alarm");
        Assert.Equal(("dev-1", "cust-a"), (alarm.GetProperty("deviceId").GetString(), alarm.GetProperty("customerId").GetString()));
        Assert.Equal(("critical", "active"), (alarm.GetProperty("severity").GetString(), alarm.GetProperty("state").GetString()));
        Assert.Equal(95, alarm.GetProperty("explanation").GetProperty("observed").GetDouble());
    }

    [Fact]
    public async Task ACustomerReceivesItsOwnAlarmsButNotAnotherCustomers()
    {
        await using var customerA = await LiveClient.ConnectAsync(Hub, fixture.CustomerAToken);
        await using var customerB = await LiveClient.ConnectAsync(Hub, fixture.CustomerBToken);
        var theirs = NewAlarmId();
        var mine = NewAlarmId();

        Publish(theirs, "cust-b");
        Publish(mine, "cust-a");

        // Changes are sent in order, so had B's alarm reached A it would have come first.
        var first = await customerA.NextAboutAsync(LiveMethods.Alarm, theirs, mine);
        Assert.Equal(mine, first.GetProperty("alarm").GetProperty("id").GetString());
        Assert.Equal(theirs, (await customerB.NextAboutAsync(LiveMethods.Alarm, theirs, mine)).GetProperty("alarm").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ABrowserStyleTokenInTheQueryStringIsAcceptedByTheHub()
    {
        await using var customer = await LiveClient.ConnectAsync(Hub, fixture.CustomerAToken, tokenInQueryString: true);
        var id = NewAlarmId();

        Publish(id, "cust-a");

        Assert.Equal(id, (await customer.NextAboutAsync(LiveMethods.Alarm, id)).GetProperty("alarm").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ATokenInTheQueryStringIsRefusedOutsideTheHubs()
    {
        var response = await Hub.Http.GetAsync($"/api/devices?access_token={HubHost.AdminToken}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var negotiate = await Hub.Http.PostAsync($"{MapHub.Path}/negotiate?negotiateVersion=1&access_token={HubHost.AdminToken}", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task AConnectionWithoutAValidTokenIsRefusedWith401(string? token)
    {
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => LiveClient.ConnectAsync(Hub, token));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task TheOwnerIsNotifiedInAppAndByASignedWebhook()
    {
        await using var owner = await LiveClient.ConnectAsync(Hub, fixture.OwnerToken);
        var id = NewAlarmId();

        Publish(id, "cust-a", NotifyAudience.Owner);

        var notification = await owner.NextAboutAsync(LiveMethods.Notification, id);
        Assert.Equal(("owner", "raised"), (notification.GetProperty("audience").GetString(), notification.GetProperty("event").GetString()));
        var webhook = (await fixture.Sink.WaitForAsync("owner", r => AlarmIdOf(r) == id))!;
        Assert.Equal("alarm.raised", webhook.Headers["X-IotService-Event"]);
        Assert.Equal(ExpectedSignature(NotificationsFixture.OwnerSecret, webhook), webhook.Headers["X-IotService-Signature"]);
        Assert.NotEqual(ExpectedSignature(NotificationsFixture.DefaultSecret, webhook), webhook.Headers["X-IotService-Signature"]);
        var body = JsonNode.Parse(webhook.Body)!;
        Assert.Equal(("owner", "raised", "critical"), (Text(body["audience"]), Text(body["event"]), Text(body["alarm"]!["severity"])));
    }

    [Fact]
    public async Task TheDeliveryLogShowsTheWebhookDelivered()
    {
        var id = NewAlarmId();
        Publish(id, "cust-a", NotifyAudience.Owner);
        var webhook = (await fixture.Sink.WaitForAsync("owner", r => AlarmIdOf(r) == id))!;
        var deliveryId = Guid.Parse(webhook.Headers["X-IotService-Delivery"]);

        var delivery = await Eventually.GetAsync(
            async () => (await Hub.Admin.GetFromJsonAsync<JsonObject>("/api/webhooks/deliveries?target=owner&limit=1000"))!["items"]!.AsArray()
                .FirstOrDefault(d => Guid.Parse(Text(d!["id"])!) == deliveryId),
            d => Text(d?["state"]) == "delivered",
            what: "the delivery marked delivered");

        Assert.Equal(("owner", "alarm.raised"), (Text(delivery!["target"]), Text(delivery["eventType"])));
        Assert.Equal(200, delivery["attempts"]!.AsArray().Single()!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheDeliveryLogPagesNewestFirst()
    {
        var older = NewAlarmId();
        var newer = NewAlarmId();
        Publish(older, "cust-a", NotifyAudience.Owner);
        Publish(newer, "cust-a", NotifyAudience.Owner);
        var olderId = (await fixture.Sink.WaitForAsync("owner", r => AlarmIdOf(r) == older))!.Headers["X-IotService-Delivery"];
        var newerId = (await fixture.Sink.WaitForAsync("owner", r => AlarmIdOf(r) == newer))!.Headers["X-IotService-Delivery"];

        var first = (await Hub.Admin.GetFromJsonAsync<JsonObject>("/api/webhooks/deliveries?target=owner&limit=1"))!;
        var cursor = Text(first["nextCursor"]);
        var second = (await Hub.Admin.GetFromJsonAsync<JsonObject>($"/api/webhooks/deliveries?target=owner&limit=1&cursor={cursor}"))!;

        Assert.Equal(newerId, Text(Assert.Single(first["items"]!.AsArray())!["id"]));
        Assert.Equal(olderId, Text(Assert.Single(second["items"]!.AsArray())!["id"]));
        Assert.Equal(HttpStatusCode.BadRequest, (await Hub.Admin.GetAsync("/api/webhooks/deliveries?cursor=nonsense")).StatusCode);
    }

    [Fact]
    public async Task TheDeliveryLogIsForAdministratorsOnly()
    {
        using var customer = Hub.Client(fixture.CustomerAToken);
        using var dispatcher = Hub.Client(fixture.DispatcherToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/webhooks/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.GetAsync("/api/webhooks/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Hub.Http.GetAsync("/api/webhooks/deliveries")).StatusCode);
    }

    [Fact]
    public async Task SupervisorWebhookFallsBackToDefaultAndTheCustomerHasItsOwnTarget()
    {
        await using var customer = await LiveClient.ConnectAsync(Hub, fixture.CustomerAToken);
        var id = NewAlarmId();

        Publish(id, "cust-a", NotifyAudience.Supervisor, NotifyAudience.Customer);

        Assert.Equal("customer", (await customer.NextAboutAsync(LiveMethods.Notification, id)).GetProperty("audience").GetString());
        var supervisor = (await fixture.Sink.WaitForAsync("default", r => AlarmIdOf(r) == id))!;
        Assert.Equal("supervisor", Text(JsonNode.Parse(supervisor.Body)!["audience"]));
        Assert.Equal(ExpectedSignature(NotificationsFixture.DefaultSecret, supervisor), supervisor.Headers["X-IotService-Signature"]);
        var own = (await fixture.Sink.WaitForAsync("customer-a", r => AlarmIdOf(r) == id))!;
        Assert.Equal("customer", Text(JsonNode.Parse(own.Body)!["audience"]));
        Assert.Equal(ExpectedSignature(NotificationsFixture.CustomerSecret, own), own.Headers["X-IotService-Signature"]);
    }

    [Fact]
    public async Task WhenTheCustomerNamesNoOwnerStaffAreNotifiedInstead()
    {
        await using var admin = await LiveClient.ConnectAsync(Hub, HubHost.AdminToken);
        var named = NewAlarmId();
        var unnamed = NewAlarmId();

        Publish(named, "cust-a", NotifyAudience.Owner);
        Publish(unnamed, "cust-b", NotifyAudience.Owner);

        // cust-a names its owner, so staff hear of the second change only.
        var first = await admin.NextAboutAsync(LiveMethods.Notification, named, unnamed);
        Assert.Equal(unnamed, first.GetProperty("alarm").GetProperty("id").GetString());
        Assert.Equal("owner", first.GetProperty("audience").GetString());
    }

    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    private static string? AlarmIdOf(ReceivedWebhook webhook) => Text(JsonNode.Parse(webhook.Body)?["alarm"]?["id"]);

    private static string ExpectedSignature(string secret, ReceivedWebhook webhook) => webhook.ExpectedSignature(secret);
}
