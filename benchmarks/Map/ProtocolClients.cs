using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using IotService.Dashboard.Live.Protocols;
using IotService.Dashboard.Map;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace IotService.Benchmarks.Map;

/// <summary>
/// Connections of the benchmark: each message is framed and serialised by SignalR's hub protocol of the connection
/// (JSON or MessagePack, configured as the hub configures them), which is the CPU a real send costs before the socket,
/// and its bytes and count are kept per connection.
/// </summary>
public sealed class ProtocolClients : IMapClients
{
    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _messagePack = new(StringComparer.Ordinal);

    public ProtocolClients()
    {
        var json = new JsonHubProtocolOptions
        {
            PayloadSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
            },
        };
        Json = new JsonHubProtocol(Options.Create(json));
        var messagePack = new MessagePackHubProtocolOptions();
        messagePack.SerializerOptions = messagePack.SerializerOptions.WithResolver(
            CompositeResolver.Create(new JsonShapeResolver(json.PayloadSerializerOptions), messagePack.SerializerOptions.Resolver));
        MessagePack = new MessagePackHubProtocol(Options.Create(messagePack));
    }

    public IHubProtocol Json { get; }

    public IHubProtocol MessagePack { get; }

    /// <summary>When set, sends only count and do not serialise (to time the map's own work).</summary>
    public bool CountOnly { get; set; }

    /// <summary>How many devices and clusters the last snapshot sent carried.</summary>
    public (int Devices, int Clusters) LastSnapshot { get; private set; }

    public void Use(string connectionId, bool messagePack) => _messagePack[connectionId] = messagePack;

    public Tally Of(string connectionId) => _tallies.GetOrAdd(connectionId, _ => new Tally());

    public IEnumerable<(string ConnectionId, Tally Tally)> All => _tallies.Select(t => (t.Key, t.Value));

    public static int Size(IHubProtocol protocol, string method, object payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        protocol.WriteMessage(new InvocationMessage(method, [payload]), buffer);
        return buffer.WrittenCount;
    }

    public Task SendAsync(string connectionId, string method, object payload, CancellationToken cancellationToken)
    {
        if (payload is ViewportSnapshot snapshot)
        {
            LastSnapshot = (snapshot.Devices.Count, snapshot.Clusters.Count);
        }

        var tally = Of(connectionId);
        var bytes = CountOnly ? 0 : Size(_messagePack.GetValueOrDefault(connectionId) ? MessagePack : Json, method, payload);
        tally.Add(method, bytes);
        return Task.CompletedTask;
    }

    public sealed class Tally
    {
        private long _messages;
        private long _bytes;
        private long _deltaMessages;

        public long Messages => Interlocked.Read(ref _messages);

        public long Bytes => Interlocked.Read(ref _bytes);

        public long DeltaMessages => Interlocked.Read(ref _deltaMessages);

        public void Add(string method, int bytes)
        {
            Interlocked.Increment(ref _messages);
            Interlocked.Add(ref _bytes, bytes);
            if (method == Dashboard.Live.LiveMethods.DeviceDeltas)
            {
                Interlocked.Increment(ref _deltaMessages);
            }
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _messages, 0);
            Interlocked.Exchange(ref _bytes, 0);
            Interlocked.Exchange(ref _deltaMessages, 0);
        }
    }
}
