using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>A webhook receiver on a free loopback port: answers every <c>POST /{name}</c> with 200 and keeps it.</summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication _app = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var sink = new WebhookSink { _app = builder.Build() };
        sink._app.MapPost("/{name}", sink.HandleAsync);
        await sink._app.StartAsync();
        sink.BaseAddress = new Uri(sink._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        return sink;
    }

    public Uri UrlFor(string name) => new(BaseAddress, name);

    /// <summary>The first request received at <c>/{name}</c> that satisfies <paramref name="match"/>, once it has arrived.</summary>
    public Task<ReceivedWebhook?> WaitForAsync(string name, Func<ReceivedWebhook, bool> match)
        => Eventually.GetAsync(
            () => Task.FromResult(_received.FirstOrDefault(r => r.Name == name && match(r))),
            r => r is not null,
            what: $"a webhook at /{name}");

    public IReadOnlyList<ReceivedWebhook> All => [.. _received];

    private async Task<IResult> HandleAsync(string name, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedWebhook(name, headers, body.ToArray()));
        return Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(string Name, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The documented scheme, computed here independently: sha256= + hex HMAC-SHA256(secret, timestamp + "." + body).</summary>
    public string ExpectedSignature(string secret)
    {
        var timestamp = Headers["X-IotService-Timestamp"];
        Assert.True(long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _));
        var signed = System.Text.Encoding.UTF8.GetBytes(timestamp + ".").Concat(Body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), signed));
    }
}
