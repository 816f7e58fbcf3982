using IotService.Dashboard.Notifications.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace IotService.Dashboard.Tests.Notifications.Webhooks;

/// <summary>The webhook services in a real host on a fake clock, sending to a real receiver.</summary>
public sealed class WebhookTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;

    private WebhookTestHost(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public WebhookDispatcher Dispatcher => _host.Services.GetRequiredService<WebhookDispatcher>();

    public WebhookDeliveryLog Log => _host.Services.GetRequiredService<WebhookDeliveryLog>();

    public static IHost Build(Dictionary<string, string?> settings, TimeProvider time)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(time);
        builder.AddWebhooks();
        return builder.Build();
    }

    public static async Task<WebhookTestHost> StartAsync(Dictionary<string, string?> settings)
    {
        var time = new FakeTimeProvider(Start);
        var host = new WebhookTestHost(Build(settings, time), time);
        await host._host.StartAsync();
        return host;
    }

    /// <summary>Completes when the delivery's log entry satisfies <paramref name="condition"/>; signalled by the log, not polled.</summary>
    public async Task<WebhookDelivery> WaitForAsync(Guid id, Func<WebhookDelivery, bool> condition)
    {
        var done = new TaskCompletionSource<WebhookDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(WebhookDelivery d)
        {
            if (d.Id == id && condition(d))
            {
                done.TrySetResult(d);
            }
        }
        Log.Changed += OnChanged;
        try
        {
            if (Log.Find(id) is { } current && condition(current))
            {
                return current;
            }
            return await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            Log.Changed -= OnChanged;
        }
    }

    public Task<WebhookDelivery> WaitForAttemptsAsync(Guid id, int count) => WaitForAsync(id, d => d.Attempts.Count == count);

    public Task<WebhookDelivery> WaitForEndAsync(Guid id) => WaitForAsync(id, d => d.State != WebhookDeliveryState.Pending);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
