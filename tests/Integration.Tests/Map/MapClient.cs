using System.Collections;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using IotService.Dashboard.Live;
using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.History;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace IotService.Integration.Tests.Map;

/// <summary>
/// A real SignalR client of the live map, over JSON or MessagePack (with the client library's default MessagePack
/// options, as any other client would use them). It keeps every payload per method, as JSON, with the order of arrival.
/// </summary>
public sealed class MapClient : IAsyncDisposable
{
    private static readonly string[] Methods =
        [LiveMethods.ViewportSnapshot, LiveMethods.ViewportClusters, LiveMethods.DeviceDeltas, LiveMethods.TechnicianDeltas, LiveMethods.Alarm, LiveMethods.WorkOrder];

    private readonly HubConnection _connection;
    private readonly ConcurrentDictionary<string, Channel<(long Order, JsonElement Payload)>> _unread = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<JsonElement>> _all = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _arrivals;

    private MapClient(HubConnection connection, bool messagePack)
    {
        _connection = connection;
        foreach (var method in Methods)
        {
            _unread[method] = Channel.CreateUnbounded<(long, JsonElement)>();
            _all[method] = new ConcurrentQueue<JsonElement>();
            if (messagePack)
            {
                connection.On<object>(method, payload => Receive(method, ToJson(payload)));
            }
            else
            {
                connection.On<JsonElement>(method, payload => Receive(method, payload));
            }
        }

        connection.On<object>(LiveMethods.Ready, _ => _ready.TrySetResult());
    }

    public static Task<MapClient> ConnectAsync(HubHost hub, string token, bool messagePack = false)
        => ConnectAsync(new Uri($"http://127.0.0.1:{hub.HttpPort}"), token, messagePack);

    /// <param name="hubUrl">The hub's address (http://127.0.0.1:port), in process or not.</param>
    public static async Task<MapClient> ConnectAsync(Uri hubUrl, string token, bool messagePack = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(hubUrl, MapHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token));
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }

        var client = new MapClient(builder.Build(), messagePack);
        await client._connection.StartAsync();
        await client._ready.Task.WaitAsync(TestTimeout.Signal);
        return client;
    }

    /// <summary>Joins the viewport and answers the snapshot, which arrives before the call completes.</summary>
    public async Task<JsonElement> JoinAsync(object viewport)
    {
        await _connection.InvokeAsync("JoinViewport", viewport);
        return (await NextAsync(LiveMethods.ViewportSnapshot, _ => true)).Payload;
    }

    public Task InvokeAsync(string method, object? argument) => _connection.InvokeAsync(method, argument);

    public Task WatchAsync(params string[] ids) => _connection.InvokeAsync("WatchDevices", ids);

    /// <summary>The next payload of <paramref name="method"/> that matches, and its place among everything this client received.</summary>
    public async Task<(long Order, JsonElement Payload)> NextAsync(string method, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            (long Order, JsonElement Payload) next;
            try
            {
                next = await _unread[method].Reader.ReadAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching '{method}' message within 15 s.");
            }

            if (match(next.Payload))
            {
                return next;
            }
        }
    }

    /// <summary>The next <c>deviceDeltas</c> entry of <paramref name="deviceId"/> that matches.</summary>
    public async Task<JsonElement> NextEntryAsync(string deviceId, Func<JsonElement, bool>? match = null)
    {
        var (_, message) = await NextAsync(LiveMethods.DeviceDeltas, m => EntriesOf(m, deviceId).Any(e => match?.Invoke(e) ?? true));
        return EntriesOf(message, deviceId).Last(e => match?.Invoke(e) ?? true);
    }

    /// <summary>Every payload of <paramref name="method"/> received so far, read or not.</summary>
    public IReadOnlyList<JsonElement> Received(string method) => [.. _all[method]];

    public static IEnumerable<JsonElement> EntriesOf(JsonElement deltas, string deviceId)
        => deltas.EnumerateArray().Where(e => e.GetProperty("id").GetString() == deviceId);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Receive(string method, JsonElement payload)
    {
        _all[method].Enqueue(payload);
        _unread[method].Writer.TryWrite((Interlocked.Increment(ref _arrivals), payload));
    }

    /// <summary>What the MessagePack client decoded (maps, arrays, primitives) as JSON, to be read like the JSON client's payloads.</summary>
    private static JsonElement ToJson(object? payload) => JsonSerializer.SerializeToElement(ToNode(payload));

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        IDictionary map => new JsonObject(map.Keys.Cast<object>().Select(k => KeyValuePair.Create(k.ToString()!, ToNode(map[k])))),
        string text => JsonValue.Create(text),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(ToNode)]),
        bool flag => JsonValue.Create(flag),
        _ => JsonValue.Create(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
