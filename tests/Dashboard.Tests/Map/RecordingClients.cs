using System.Collections.Concurrent;
using System.Threading.Channels;
using IotService.Dashboard.Map;

namespace IotService.Dashboard.Tests.Map;

/// <summary>Connections as the live map sees them: every message sent to each, in order, to be awaited by a test.</summary>
public sealed class RecordingClients : IMapClients
{
    private readonly ConcurrentDictionary<string, Channel<(string Method, object Payload)>> _sent = new();

    /// <summary>While set, sends wait for it: a connection that does not take its messages.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public async Task SendAsync(string connectionId, string method, object payload, CancellationToken cancellationToken)
    {
        if (Hold is { } hold)
        {
            await hold.Task;
        }

        Of(connectionId).Writer.TryWrite((method, payload));
    }

    public async Task<(string Method, object Payload)> NextAsync(string connectionId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Of(connectionId).Reader.ReadAsync(timeout.Token);
    }

    public async Task<T> NextAsync<T>(string connectionId, string method)
    {
        var (sent, payload) = await NextAsync(connectionId);
        Assert.Equal(method, sent);
        return (T)payload;
    }

    public int Unread(string connectionId) => Of(connectionId).Reader.Count;

    private Channel<(string Method, object Payload)> Of(string connectionId) => _sent.GetOrAdd(connectionId, _ => Channel.CreateUnbounded<(string, object)>());
}
