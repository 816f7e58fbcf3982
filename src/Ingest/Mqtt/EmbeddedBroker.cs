using System.Net;
using IotService.Ingest.Mqtt.Tls;
using IotService.Ingest.Mqtt.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IotService.Ingest.Mqtt;

/// <summary>
/// The MQTTnet broker inside the hub, on our own listener (<see cref="BrokerTransport"/>: connection and packet-size
/// limits, TLS). Devices authenticate with their id and secret, may publish and subscribe only under
/// <c>devices/{their id}/</c>, and their publishes are consumed, not routed: telemetry has no subscribers, so routing
/// would be pure cost.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> options,
    IOptions<MqttTlsOptions> tlsOptions,
    BrokerTransport transport,
    ConnectionValidator validator,
    PublishHandler publishes,
    BrokerState state,
    MqttNetLoggerAdapter mqttLogger,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        transport.Endpoints = Endpoints(options.Value, tlsOptions.Value);
        _server = new MqttServerFactory().CreateMqttServer(new MqttServerOptionsBuilder().Build(), [transport], mqttLogger);
        _server.ValidatingConnectionAsync += validator.ValidateAsync;
        _server.InterceptingPublishAsync += publishes.HandleAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientConnectedAsync += _ => { state.Connected(); return Task.CompletedTask; };
        _server.ClientDisconnectedAsync += _ => { state.Disconnected(); return Task.CompletedTask; };
        await _server.StartAsync();
        state.Mode = "embedded";
        state.Ready = true;
        foreach (var endpoint in transport.Endpoints)
        {
            LogListening(endpoint.ToString());
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        state.Ready = false;
        if (_server is { IsStarted: true })
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await StopAsync(CancellationToken.None);
            _server.Dispose();
        }
    }

    private static List<MqttEndpoint> Endpoints(MqttOptions o, MqttTlsOptions tls)
    {
        var address = IPAddress.Parse(o.Host);
        var endpoints = new List<MqttEndpoint>();
        if (o.PlainEnabled)
        {
            endpoints.Add(new MqttEndpoint(new IPEndPoint(address, o.Port), null));
        }

        if (tls.Enabled)
        {
            endpoints.Add(new MqttEndpoint(new IPEndPoint(address, tls.Port), ServerCertificate.Load(tls)));
        }

        return endpoints.Count > 0
            ? endpoints
            : throw new InvalidOperationException("Mqtt:PlainEnabled is false and Mqtt:Tls:CertificatePath is not set: the broker would listen nowhere.");
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var own = string.IsNullOrEmpty(e.UserName) ? null : $"devices/{e.UserName}/";
        if (own is null || !e.TopicFilter.Topic.StartsWith(own, StringComparison.Ordinal))
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT broker listening on {Endpoint}")]
    private partial void LogListening(string endpoint);
}
