using System.Net;
using System.Net.Sockets;
using System.Text;
using IotService.Dashboard.Notifications.Webhooks;

namespace IotService.Dashboard.Tests.Notifications.Webhooks;

public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private Dictionary<string, string?> Settings(params string[] targets)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var target in targets)
        {
            settings[$"Webhooks:Targets:{target}:Url"] = _receiver.UrlFor(target.Replace(':', '-')).ToString();
            settings[$"Webhooks:Targets:{target}:Secret"] = "secret-of-" + target;
        }
        return settings;
    }

    [Fact]
    public async Task ADeliveryArrivesAsSignedCompactJsonWithItsHeaders()
    {
        await using var hub = await WebhookTestHost.StartAsync(Settings("customer:cust-1"));

        var id = hub.Dispatcher.Enqueue("customer:cust-1", "alarm.raised", new { DeviceId = "dev-00001", Severity = "critical" });
        var request = await _receiver.NextAsync();
        var delivery = await hub.WaitForEndAsync(id);

        Assert.Equal("""{"deviceId":"dev-00001","severity":"critical"}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal(WebhookTestHost.Start.ToUnixTimeSeconds().ToString(), request.Headers[WebhookSigner.TimestampHeader]);
        Assert.Equal("alarm.raised", request.Headers[WebhookSigner.EventHeader]);
        Assert.Equal(id.ToString("D"), request.Headers[WebhookSigner.DeliveryHeader]);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Matches("^sha256=[0-9a-f]{64}$", request.Headers[WebhookSigner.SignatureHeader]);
        Assert.True(WebhookSigner.Verify("secret-of-customer:cust-1", request.Headers[WebhookSigner.TimestampHeader], request.Body,
            request.Headers[WebhookSigner.SignatureHeader], WebhookTestHost.Start, Tolerance));
        Assert.False(WebhookSigner.Verify("secret-of-owner", request.Headers[WebhookSigner.TimestampHeader], request.Body,
            request.Headers[WebhookSigner.SignatureHeader], WebhookTestHost.Start, Tolerance));
        Assert.Equal((WebhookDeliveryState.Delivered, 1, 200, (string?)null), (delivery.State, delivery.Attempts.Count, delivery.Attempts[0].StatusCode, delivery.Error));
        Assert.Equal(WebhookTestHost.Start, delivery.DeliveredAt);
    }

    [Fact]
    public async Task TwoServerErrorsThenSuccessIsDeliveredOnTheThirdAttemptAfterDoublingBackoff()
    {
        _receiver.Answer("owner", 500, 500);
        await using var hub = await WebhookTestHost.StartAsync(Settings("owner"));

        var id = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 1 });
        await hub.WaitForAttemptsAsync(id, 1);
        hub.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Single(hub.Log.Find(id)!.Attempts);
        hub.Time.Advance(TimeSpan.FromMilliseconds(1));
        await hub.WaitForAttemptsAsync(id, 2);
        hub.Time.Advance(TimeSpan.FromSeconds(2));
        var delivery = await hub.WaitForEndAsync(id);

        Assert.Equal(WebhookDeliveryState.Delivered, delivery.State);
        Assert.Equal([500, 500, 200], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Equal([WebhookTestHost.Start, WebhookTestHost.Start.AddSeconds(1), WebhookTestHost.Start.AddSeconds(3)], delivery.Attempts.Select(a => a.At));
        Assert.Equal(WebhookTestHost.Start.AddSeconds(3), delivery.DeliveredAt);
        Assert.Equal(3, _receiver.All.Count);
    }

    [Fact]
    public async Task AClientErrorFailsAfterOneAttemptWithoutRetrying()
    {
        _receiver.Answer("supervisor", 400);
        await using var hub = await WebhookTestHost.StartAsync(Settings("supervisor"));

        var id = hub.Dispatcher.Enqueue("supervisor", "alarm.raised", new { n = 1 });
        var delivery = await hub.WaitForEndAsync(id);

        Assert.Equal((WebhookDeliveryState.Failed, "HTTP 400 (permanent)"), (delivery.State, delivery.Error));
        Assert.Equal([400], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Single(_receiver.All);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task TransientStatusCodesAreRetried(int status)
    {
        _receiver.Answer("owner", status);
        await using var hub = await WebhookTestHost.StartAsync(Settings("owner"));

        var id = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 1 });
        await hub.WaitForAttemptsAsync(id, 1);
        hub.Time.Advance(TimeSpan.FromSeconds(1));
        var delivery = await hub.WaitForEndAsync(id);

        Assert.Equal(WebhookDeliveryState.Delivered, delivery.State);
        Assert.Equal([status, 200], delivery.Attempts.Select(a => a.StatusCode));
    }

    [Fact]
    public async Task ExhaustedAttemptsFailWithEveryAttemptLoggedAndBackoffCapped()
    {
        _receiver.AlwaysFail("owner");
        var settings = Settings("owner");
        settings["Webhooks:MaxAttempts"] = "4";
        settings["Webhooks:MaxBackoffSeconds"] = "1.5";
        await using var hub = await WebhookTestHost.StartAsync(settings);

        var id = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 1 });
        for (var attempt = 1; attempt < 4; attempt++)
        {
            await hub.WaitForAttemptsAsync(id, attempt);
            hub.Time.Advance(WebhookDeliveryService.Backoff(new WebhookOptions { MaxBackoffSeconds = 1.5 }, attempt));
        }
        var delivery = await hub.WaitForEndAsync(id);

        Assert.Equal((WebhookDeliveryState.Failed, "HTTP 500"), (delivery.State, delivery.Error));
        Assert.Equal([500, 500, 500, 500], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Equal([0, 1, 2.5, 4], delivery.Attempts.Select(a => (a.At - WebhookTestHost.Start).TotalSeconds));
        Assert.Equal(4, _receiver.All.Count);
    }

    [Fact]
    public async Task AHangingTargetDoesNotDelayAHealthyOne()
    {
        _receiver.Hang("customer-cust-9");
        await using var hub = await WebhookTestHost.StartAsync(Settings("customer:cust-9", "owner"));

        var stuck = hub.Dispatcher.Enqueue("customer:cust-9", "alarm.raised", new { n = 1 });
        Assert.Equal("customer-cust-9", (await _receiver.NextAsync()).Name);
        var healthy = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 2 });
        var delivered = await hub.WaitForEndAsync(healthy);

        Assert.Equal(WebhookDeliveryState.Delivered, delivered.State);
        Assert.Equal((WebhookDeliveryState.Pending, 0), (hub.Log.Find(stuck)!.State, hub.Log.Find(stuck)!.Attempts.Count));
    }

    [Fact]
    public async Task ATimedOutAttemptIsRetried()
    {
        _receiver.Hang("owner");
        var settings = Settings("owner");
        // A real-time timeout (HttpClient's, not the fake clock): long enough that a loaded CI machine still gets the
        // request into the receiver's handler before the hub gives up on it (0.2 s was not, once).
        settings["Webhooks:TimeoutSeconds"] = "1";
        settings["Webhooks:MaxAttempts"] = "2";
        await using var hub = await WebhookTestHost.StartAsync(settings);

        var id = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 1 });
        await hub.WaitForAttemptsAsync(id, 1);
        hub.Time.Advance(TimeSpan.FromSeconds(1));
        var delivery = await hub.WaitForEndAsync(id);

        Assert.Equal((WebhookDeliveryState.Failed, "Timed out"), (delivery.State, delivery.Error));
        Assert.Equal([(int?)null, null], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Equal(["Timed out", "Timed out"], delivery.Attempts.Select(a => a.Error));
        Assert.Equal(2, _receiver.All.Count);
    }

    [Fact]
    public async Task AnUnknownTargetIsRecordedAsFailedWithoutSending()
    {
        await using var hub = await WebhookTestHost.StartAsync(Settings("owner"));

        var id = hub.Dispatcher.Enqueue("customer:nobody", "alarm.raised", new { n = 1 });
        var delivery = hub.Log.Find(id)!;

        Assert.Equal((WebhookDeliveryState.Failed, "Unknown webhook target 'customer:nobody'.", 0),
            (delivery.State, delivery.Error, delivery.Attempts.Count));
        Assert.Empty(_receiver.All);
    }

    [Fact]
    public async Task AFullQueueDropsTheOldestWaitingDeliveryAndCountsIt()
    {
        _receiver.Hang("owner");
        var settings = Settings("owner");
        settings["Webhooks:QueueCapacity"] = "1";
        await using var hub = await WebhookTestHost.StartAsync(settings);

        var sending = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 1 });
        await _receiver.NextAsync();
        var older = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 2 });
        var newer = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 3 });

        Assert.Equal(
            [WebhookDeliveryState.Pending, WebhookDeliveryState.Dropped, WebhookDeliveryState.Pending],
            new[] { sending, older, newer }.Select(id => hub.Log.Find(id)!.State));
        Assert.Equal(1, hub.Log.DroppedCount);
    }

    [Fact]
    public async Task ARefusedConnectionIsRetried()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var hub = await WebhookTestHost.StartAsync(new()
        {
            ["Webhooks:Targets:owner:Url"] = $"http://127.0.0.1:{closedPort}/hook",
            ["Webhooks:Targets:owner:Secret"] = "s",
            ["Webhooks:MaxAttempts"] = "2",
        });

        var id = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 1 });
        await hub.WaitForAttemptsAsync(id, 1);
        hub.Time.Advance(TimeSpan.FromSeconds(1));
        var delivery = await hub.WaitForEndAsync(id);

        Assert.Equal((WebhookDeliveryState.Failed, "ConnectionError"), (delivery.State, delivery.Error));
        Assert.Equal(["ConnectionError", "ConnectionError"], delivery.Attempts.Select(a => a.Error));
    }

    [Fact]
    public async Task ALongerRetryAfterFromTheReceiverIsHonoured()
    {
        _receiver.Answer("owner", 429);
        _receiver.RetryAfter("owner", 5);
        await using var hub = await WebhookTestHost.StartAsync(Settings("owner"));

        var id = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 1 });
        await hub.WaitForAttemptsAsync(id, 1);
        hub.Time.Advance(TimeSpan.FromSeconds(5));
        var delivery = await hub.WaitForEndAsync(id);

        Assert.Equal([429, 200], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Equal([WebhookTestHost.Start, WebhookTestHost.Start.AddSeconds(5)], delivery.Attempts.Select(a => a.At));
    }

    [Fact]
    public async Task ADeliveryThatCannotBeBuiltFailsAndTheTargetKeepsWorking()
    {
        await using var hub = await WebhookTestHost.StartAsync(Settings("owner"));

        var broken = hub.Dispatcher.Enqueue("owner", "alarm\nraised", new { n = 1 });
        var failed = await hub.WaitForEndAsync(broken);
        var next = hub.Dispatcher.Enqueue("owner", "alarm.raised", new { n = 2 });
        var delivered = await hub.WaitForEndAsync(next);

        Assert.Equal((WebhookDeliveryState.Failed, 0), (failed.State, failed.Attempts.Count));
        Assert.Equal(WebhookDeliveryState.Delivered, delivered.State);
        Assert.Single(_receiver.All);
    }
}
