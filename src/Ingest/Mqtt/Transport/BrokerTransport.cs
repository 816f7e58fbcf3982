using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using IotService.Ingest.Mqtt.Limits;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace IotService.Ingest.Mqtt.Transport;

/// <summary>
/// The embedded broker's listener in place of MQTTnet's own, which has no packet-size limit: MQTTnet allocates
/// whatever a fixed header declares, even before authentication. This one admits sockets within the connection caps,
/// does the TLS handshake, closes whatever has not authenticated within the connect timeout, and puts a
/// <see cref="FrameGuardStream"/> between the socket and MQTTnet's channel adapter.
/// </summary>
public sealed partial class BrokerTransport(
    IOptions<MqttOptions> mqttOptions,
    IOptions<IngestOptions> ingestOptions,
    ConnectionLimiter limiter,
    ConnectionRefusalLog refusals,
    TimeProvider time,
    ILogger<BrokerTransport> log) : IMqttServerAdapter
{
    private readonly ConcurrentDictionary<IMqttChannelAdapter, AcceptedConnection> _connections = new(ReferenceEqualityComparer.Instance);
    private readonly List<TcpAcceptor> _acceptors = [];
    private CancellationTokenSource? _stopping;
    private MqttServerOptions? _serverOptions;
    private IMqttNetLogger? _mqttLogger;

    /// <summary>Where to listen; set before the server starts.</summary>
    public IReadOnlyList<MqttEndpoint> Endpoints { get; set; } = [];

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        _serverOptions = options;
        _mqttLogger = logger;
        _stopping = new CancellationTokenSource();
        foreach (var endpoint in Endpoints)
        {
            var acceptor = new TcpAcceptor(endpoint, HandleAsync, time, log);
            acceptor.Start(_stopping.Token);
            _acceptors.Add(acceptor);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _stopping?.Cancel();
        foreach (var acceptor in _acceptors)
        {
            acceptor.Dispose();
        }

        _acceptors.Clear();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        StopAsync();
        _stopping?.Dispose();
        _stopping = null;
    }

    /// <summary>
    /// Called when the broker accepts a CONNECT: the connection leaves the unauthenticated count and may send larger
    /// packets. False when it is not one of ours or already timed out; the CONNECT is then refused.
    /// </summary>
    public bool Authenticate(IMqttChannelAdapter adapter) => _connections.TryGetValue(adapter, out var connection) && connection.Authenticate();

    private async Task HandleAsync(Socket socket, MqttEndpoint endpoint)
    {
        EndPoint? remote = null;
        try
        {
            remote = socket.RemoteEndPoint;
            var ticket = limiter.TryAdmit(((IPEndPoint)remote!).Address, out var refusal);
            if (ticket is null)
            {
                refusals.Refused(refusal, remote, null, "connection limit reached");
                return;
            }

            using (ticket)
            {
                await ServeAsync(socket, endpoint, remote, ticket).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // The client went away, or was cut, while its streams were set up or closed.
        }
        catch (Exception ex)
        {
            LogConnectionFailed(ex, remote?.ToString() ?? "-");
        }
        finally
        {
            socket.Dispose();
        }
    }

    private async Task ServeAsync(Socket socket, MqttEndpoint endpoint, EndPoint remote, ConnectionTicket ticket)
    {
        var o = mqttOptions.Value;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(o.ConnectTimeoutSeconds), time);
        using var expiry = deadline.Token.Register(() => Expire(ticket, socket, remote));
        using var stop = _stopping!.Token.Register(socket.Dispose);
        await using var network = new NetworkStream(socket, ownsSocket: true);
        await using var tls = endpoint.Certificate is null ? null : new SslStream(network, leaveInnerStreamOpen: true);
        if (tls is not null && !await TryHandshakeAsync(tls, endpoint.Certificate!, remote, deadline.Token).ConfigureAwait(false))
        {
            return;
        }

        var guard = new MqttFrameGuard(o.MaxConnectPacketBytes, ingestOptions.Value.MaxPayloadBytes + o.PacketHeadroomBytes);
        await using var guarded = new FrameGuardStream((Stream?)tls ?? network, guard, verdict => Cut(verdict, guard, remote));

        // What MQTTnet's own listener builds around a stream. MQTTnet reports a TLS connection as secure only when
        // the stream is an SslStream, which this one is not; nothing here depends on that flag.
        var channel = new MqttTcpChannel(guarded, endpoint.Address, remote, clientCertificate: null);
        var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(_serverOptions!.WriterBufferSize, _serverOptions.WriterBufferSizeMax));
        using var adapter = new MqttChannelAdapter(channel, formatter, _mqttLogger!);
        var handler = ClientHandler;
        if (handler is null)
        {
            return;
        }

        _connections[adapter] = new AcceptedConnection(ticket, guard);
        try
        {
            await handler(adapter).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(adapter, out _);
        }
    }

    private async Task<bool> TryHandshakeAsync(SslStream tls, SslStreamCertificateContext certificate, EndPoint remote, CancellationToken deadline)
    {
        try
        {
            var options = new SslServerAuthenticationOptions { ServerCertificateContext = certificate, ClientCertificateRequired = false };
            await tls.AuthenticateAsServerAsync(options, deadline).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // A handshake cut short by the connect timeout is counted as that, not twice.
            if (!deadline.IsCancellationRequested)
            {
                refusals.Refused(ConnectionRefusal.TlsHandshake, remote, null, ex.Message);
            }

            return false;
        }
    }

    private void Cut(FrameVerdict verdict, MqttFrameGuard guard, EndPoint remote)
    {
        var (reason, detail) = verdict == FrameVerdict.TooLarge
            ? (ConnectionRefusal.PacketTooLarge, $"a packet declared more than {guard.CurrentLimit} bytes")
            : (ConnectionRefusal.MalformedPacket, verdict == FrameVerdict.NotConnectFirst ? "the first packet is not a CONNECT" : "a packet length is not valid");
        refusals.Refused(reason, remote, null, detail);
    }

    private void Expire(ConnectionTicket ticket, Socket socket, EndPoint remote)
    {
        if (ticket.TryExpire())
        {
            refusals.Refused(ConnectionRefusal.ConnectTimeout, remote, null, $"not authenticated within {mqttOptions.Value.ConnectTimeoutSeconds} s");
            socket.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT connection from {Remote} failed")]
    private partial void LogConnectionFailed(Exception exception, string remote);
}
