using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using IotService.Dashboard.Demo;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IotService.Dashboard.Tests.Demo;

/// <summary>A real MQTTnet broker on a free loopback port that accepts demo secrets and records every publish.</summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly Channel<ReceivedMessage> _received = Channel.CreateUnbounded<ReceivedMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _disconnected = new();
    private readonly MqttServer _server;
    private int _noSubscribers;

    private TestBroker(DemoSecrets secrets, int port, Func<ReceivedMessage, bool>? observer)
    {
        Port = port;
        var options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(port)
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.ValidatingConnectionAsync += e =>
        {
            ProtocolVersions[e.ClientId] = e.ProtocolVersion;
            if (e.UserName != e.ClientId || e.Password != secrets.SecretFor(e.ClientId))
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            }

            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            Disconnected(e.ClientId).TrySetResult();
            return Task.CompletedTask;
        };
        _server.InterceptingPublishAsync += e =>
        {
            var message = new ReceivedMessage(
                e.ClientId, e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload.ToArray()), e.ApplicationMessage.QualityOfServiceLevel);
            if (observer?.Invoke(message) != false)
            {
                _received.Writer.TryWrite(message);
            }

            // Consumed, as the hub consumes telemetry: routed to nobody, and acknowledged as received. MQTTnet would
            // otherwise answer "no matching subscribers", which the simulator takes for an external broker without hubs.
            e.ProcessPublish = false;
            e.Response.ReasonCode = Interlocked.Decrement(ref _noSubscribers) >= 0 ? MqttPubAckReasonCode.NoMatchingSubscribers : MqttPubAckReasonCode.Success;
            return Task.CompletedTask;
        };
    }

    public int Port { get; }

    public ConcurrentDictionary<string, MqttProtocolVersion> ProtocolVersions { get; } = new();

    /// <summary>The next <paramref name="count"/> publishes are answered "no matching subscribers", as an external broker answers before any hub has subscribed.</summary>
    public void AnswerNoSubscribers(int count) => Volatile.Write(ref _noSubscribers, count);

    /// <param name="observer">Sees every message first; those it answers false to are not queued for <see cref="NextAsync"/>.</param>
    public static async Task<TestBroker> StartAsync(DemoSecrets secrets, Func<ReceivedMessage, bool>? observer = null)
    {
        var broker = new TestBroker(secrets, FreePort(), observer);
        await broker._server.StartAsync();
        return broker;
    }

    public async Task<ReceivedMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Drops a client's connection and waits until the broker has finished with it.</summary>
    public async Task DisconnectAsync(string clientId)
    {
        await _server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.AdministrativeAction });
        await Disconnected(clientId).Task.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(new MqttServerStopOptions());
        _server.Dispose();
    }

    private TaskCompletionSource Disconnected(string clientId)
        => _disconnected.GetOrAdd(clientId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
