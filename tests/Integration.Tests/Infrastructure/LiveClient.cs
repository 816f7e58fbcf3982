using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using IotService.Dashboard.Live;
using IotService.TestSupport.History;
using Microsoft.AspNetCore.SignalR.Client;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>A real SignalR client of the map hub that keeps, per client method, the payloads it receives in order.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> _messages = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        connection.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        foreach (var method in new[] { LiveMethods.Alarm, LiveMethods.Notification, LiveMethods.WorkOrder, LiveMethods.DeviceDeltas })
        {
            var channel = _messages.GetOrAdd(method, _ => Channel.CreateUnbounded<JsonElement>());
            connection.On<JsonElement>(method, payload => channel.Writer.TryWrite(payload));
        }

        connection.On<JsonElement>(LiveMethods.Ready, _ => _ready.TrySetResult());
    }

    /// <param name="token">Sent as SignalR's access token (a header for .NET clients), in the query string like a browser, or not at all.</param>
    /// <param name="cookies">A browser's cookies (its session cookie signs it in when there is no token).</param>
    public static Task<LiveClient> ConnectAsync(HubHost hub, string? token, bool tokenInQueryString = false, System.Net.CookieContainer? cookies = null)
        => ConnectAsync(new Uri($"http://127.0.0.1:{hub.HttpPort}"), token, tokenInQueryString, cookies);

    /// <param name="hubUrl">The hub's address (http://127.0.0.1:port), in process or not.</param>
    public static async Task<LiveClient> ConnectAsync(Uri hubUrl, string? token, bool tokenInQueryString = false, System.Net.CookieContainer? cookies = null)
    {
        var url = new Uri(hubUrl, MapHub.Path).ToString();
        var connection = new HubConnectionBuilder()
            .WithUrl(tokenInQueryString ? $"{url}?access_token={Uri.EscapeDataString(token!)}" : url, options =>
            {
                if (!tokenInQueryString && token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }

                if (cookies is not null)
                {
                    options.Cookies = cookies;
                }
            })
            .Build();
        var client = new LiveClient(connection);
        try
        {
            await connection.StartAsync();

            // Started is not yet subscribed: the hub joins the groups after the handshake, then says ready.
            await Task.WhenAny(client._ready.Task, client._closed.Task).WaitAsync(TestTimeout.Signal);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return client;
    }

    public HubConnectionState State => _connection.State;

    /// <summary>Completes when the server closes the connection (with the error the client saw, if any).</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>The next <paramref name="method"/> payload that satisfies <paramref name="match"/>; others are passed over.</summary>
    public async Task<JsonElement> NextAsync(string method, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var reader = _messages[method].Reader;
        while (true)
        {
            JsonElement payload;
            try
            {
                payload = await reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching '{method}' message within 15 s.");
            }

            if (match(payload))
            {
                return payload;
            }
        }
    }

    /// <summary>The next matching payload that has arrived already, or null: for polling without a timeout of its own.</summary>
    public Task<JsonElement?> NextOrNullAsync(string method, Func<JsonElement, bool> match)
    {
        var reader = _messages[method].Reader;
        while (reader.TryRead(out var payload))
        {
            if (match(payload))
            {
                return Task.FromResult<JsonElement?>(payload);
            }
        }

        return Task.FromResult<JsonElement?>(null);
    }

    /// <summary>How many <paramref name="method"/> payloads arrived and were not read yet.</summary>
    public int Unread(string method) => _messages[method].Reader.Count;

    /// <summary>The next payload about one of these alarms.</summary>
    public Task<JsonElement> NextAboutAsync(string method, params string[] alarmIds)
        => NextAsync(method, p => alarmIds.Contains(p.GetProperty("alarm").GetProperty("id").GetString()));

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
