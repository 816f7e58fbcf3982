using System.Net;
using IotService.Ingest.Directory;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IotService.Ingest.Mqtt;

/// <summary>
/// The MQTTnet broker inside the hub. Devices authenticate with their id and secret, may
/// publish and subscribe only under <c>devices/{their id}/</c>, and their publishes are
/// consumed, not routed: telemetry has no subscribers, so routing would be pure cost.
/// </summary>
public sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> options,
    DeviceDirectory directory,
    IngestProcessor processor,
    BrokerState state,
    MqttNetLoggerAdapter mqttLogger,
    ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var address = IPAddress.Parse(o.Host);
        var builder = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(o.Port)
            .WithDefaultEndpointBoundIPAddress(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? address : IPAddress.None)
            .WithDefaultEndpointBoundIPV6Address(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? address : IPAddress.None);
        _server = new MqttServerFactory().CreateMqttServer(builder.Build(), mqttLogger);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
        _server.ClientConnectedAsync += _ => { state.Connected(); return Task.CompletedTask; };
        _server.ClientDisconnectedAsync += _ => { state.Disconnected(); return Task.CompletedTask; };
        await _server.StartAsync();
        state.Mode = "embedded";
        state.Ready = true;
        LogListening(o.Host, o.Port);
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

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs e)
    {
        ClientIdAssignment.AssignIfMissing(e);

        if (string.IsNullOrEmpty(e.UserName))
        {
            if (!options.Value.AllowAnonymous)
            {
                e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                LogRefused(e.ClientId, "no credentials");
            }

            return Task.CompletedTask;
        }

        if (!directory.VerifySecret(e.UserName, e.Password))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            LogRefused(e.UserName, "unknown device or wrong secret");
        }

        return Task.CompletedTask;
    }

    private async Task InterceptPublishAsync(InterceptingPublishEventArgs e)
    {
        e.ProcessPublish = false;
        var message = e.ApplicationMessage;
        var deviceId = string.IsNullOrEmpty(e.UserName) ? null : e.UserName;
        try
        {
            var reliable = message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce;
            var result = await processor.ProcessAsync(message.Topic, message.Payload, reliable, deviceId, e.CancellationToken);

            // MQTTnet holds the PUBACK until this handler returns: for QoS 1 it now means "stored".
            await result.Stored.WaitAsync(e.CancellationToken);
            e.Response.ReasonCode = result.Outcome switch
            {
                PublishOutcome.Accepted => MqttPubAckReasonCode.Success,
                PublishOutcome.NotAuthorized => MqttPubAckReasonCode.NotAuthorized,
                _ => MqttPubAckReasonCode.PayloadFormatInvalid,
            };
        }
        catch (Exception ex) when (ex is OperationCanceledException or NotStoredException)
        {
            // Closing, or history failed: no PUBACK (the connection drops), so the device sends again.
            // A failure reason code would not do: MQTT 3.1.1 clients read any PUBACK as success.
            throw;
        }
        catch (Exception ex)
        {
            // Never reached by bad input (the parser does not throw); a bug must not kill the connection.
            LogPublishFailed(ex, deviceId);
            e.Response.ReasonCode = MqttPubAckReasonCode.ImplementationSpecificError;
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT broker listening on {Host}:{Port}")]
    private partial void LogListening(string host, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connection of {Client} refused: {Reason}")]
    private partial void LogRefused(string client, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publish from {DeviceId} failed")]
    private partial void LogPublishFailed(Exception exception, string? deviceId);
}
