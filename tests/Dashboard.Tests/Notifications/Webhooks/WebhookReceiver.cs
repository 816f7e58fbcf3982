using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotService.Dashboard.Tests.Notifications.Webhooks;

/// <summary>A real HTTP receiver on loopback: records every POST and answers as each path is told to.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripts = new();
    private readonly ConcurrentDictionary<string, bool> _hanging = new();
    private readonly ConcurrentDictionary<string, bool> _alwaysFail = new();
    private readonly ConcurrentDictionary<string, int> _retryAfterSeconds = new();
    private readonly Channel<ReceivedWebhook> _received = Channel.CreateUnbounded<ReceivedWebhook>();
    private readonly ConcurrentQueue<ReceivedWebhook> _all = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedWebhook> All => _all;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{name}", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    public Uri UrlFor(string name) => new(BaseAddress, name);

    /// <summary>Answers the next requests to <paramref name="name"/> with these codes, then 200.</summary>
    public void Answer(string name, params int[] statusCodes) =>
        Array.ForEach(statusCodes, _scripts.GetOrAdd(name, _ => new()).Enqueue);

    public void AlwaysFail(string name) => _alwaysFail[name] = true;

    /// <summary>Error answers to <paramref name="name"/> carry <c>Retry-After: seconds</c>.</summary>
    public void RetryAfter(string name, int seconds) => _retryAfterSeconds[name] = seconds;

    /// <summary>Requests to <paramref name="name"/> never get an answer.</summary>
    public void Hang(string name) => _hanging[name] = true;

    public async Task<ReceivedWebhook> NextAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    private async Task HandleAsync(string name, HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ReceivedWebhook(name, headers, buffer.ToArray());
        _all.Enqueue(request);
        _received.Writer.TryWrite(request);

        if (_hanging.ContainsKey(name))
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        context.Response.StatusCode = _alwaysFail.ContainsKey(name) ? 500
            : _scripts.TryGetValue(name, out var script) && script.TryDequeue(out var code) ? code : 200;
        if (context.Response.StatusCode >= 400 && _retryAfterSeconds.TryGetValue(name, out var seconds))
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
