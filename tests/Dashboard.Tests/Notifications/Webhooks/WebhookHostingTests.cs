using IotService.Dashboard.Notifications.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Tests.Notifications.Webhooks;

public sealed class WebhookHostingTests
{
    [Fact]
    public void OptionsHaveTheDocumentedDefaults()
    {
        var options = new WebhookOptions();

        Assert.Equal((6, 1.0, 300.0, 10.0, 1000), (options.MaxAttempts, options.InitialBackoffSeconds, options.MaxBackoffSeconds, options.TimeoutSeconds, options.DeliveryLogSize));
    }

    [Fact]
    public void TargetsAreReadFromTheWebhooksSectionIncludingNamesWithAColon()
    {
        using var host = WebhookTestHost.Build(new()
        {
            ["Webhooks:Targets:owner:Url"] = "https://owner.example/hook",
            ["Webhooks:Targets:owner:Secret"] = "a",
            ["Webhooks:Targets:customer:cust-1:Url"] = "https://cust-1.example/hook",
            ["Webhooks:Targets:customer:cust-1:Secret"] = "b",
            ["Webhooks:MaxAttempts"] = "3",
        }, TimeProvider.System);

        var options = host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;

        Assert.Equal(["customer:cust-1", "owner"], options.Targets.Keys.Order());
        Assert.Equal((new Uri("https://cust-1.example/hook"), "b"), (options.Targets["customer:cust-1"].Url, options.Targets["customer:cust-1"].Secret));
        Assert.Equal(3, options.MaxAttempts);
    }

    [Fact]
    public async Task ATargetWithoutASecretStopsTheHostAtStart()
    {
        using var host = WebhookTestHost.Build(new() { ["Webhooks:Targets:owner:Url"] = "https://owner.example/hook" }, TimeProvider.System);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("Webhooks:Targets:owner:Secret is required.", error.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(40, 300)]
    public void BackoffDoublesFromTheInitialDelayUpToTheCap(int failedAttempt, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookDeliveryService.Backoff(new WebhookOptions(), failedAttempt));
    }
}
