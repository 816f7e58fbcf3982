using IotService.Ingest.Mqtt.Accounts;
using IotService.Ingest.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotService.Ingest.Mqtt;

/// <summary>
/// Cluster mode: the hub is an MQTT 5 client of an external broker and takes its share of
/// device traffic through shared subscriptions. Authentication and ACLs are the broker's job (with
/// <c>Mqtt:DeviceAccounts=dynsec</c> the hub keeps the accounts there, see <see cref="Accounts.IBrokerAccounts"/>);
/// the hub still rejects unknown devices. Reconnects with exponential back-off and subscribes again.
/// </summary>
public sealed partial class ExternalBrokerSubscriber(
    IOptions<MqttOptions> options,
    IngestProcessor processor,
    IBrokerAccounts accounts,
    BrokerState state,
    MqttNetLoggerAdapter mqttLogger,
    TimeProvider time,
    ILogger<ExternalBrokerSubscriber> logger) : BackgroundService
{
    private const int SocketBufferBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(250);

    // Short: after a broker restart, Mosquitto 2.0 has no shared subscription until a hub subscribes again, and
    // drops what devices publish meanwhile ("no matching subscribers"); a long back-off would widen that window.
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(2);

    // Which connection a message came in on (counted up on every connect and disconnect). A PUBACK belongs to its
    // connection: sent on a later one, its packet identifier may name another message, not yet stored.
    private int _connection;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        state.Mode = "external";
        using var client = new MqttClientFactory(mqttLogger).CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += _ =>
        {
            Interlocked.Increment(ref _connection);
            return Task.CompletedTask;
        };
        var backoff = MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!client.IsConnected)
            {
                try
                {
                    Interlocked.Increment(ref _connection);
                    await ConnectAndSubscribeAsync(client, stoppingToken);
                    backoff = MinBackoff;
                    state.Ready = true;
                    state.LastError = null;
                    state.Subscribed();
                    LogConnected(options.Value.Host, options.Value.Port);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Connected but not subscribed would look healthy to the loop above and never be tried again.
                    if (client.IsConnected)
                    {
                        await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    }

                    state.Ready = false;
                    state.LastError = ex.Message;
                    LogConnectFailed(options.Value.Host, options.Value.Port, backoff.TotalSeconds, ex.Message);
                    await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                    continue;
                }
            }

            // Cheap liveness poll; the client itself notices a dead connection through keep-alive.
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!client.IsConnected)
            {
                state.Ready = false;
                LogDisconnected();
            }
        }

        state.Ready = false;
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
        }
    }

    private async Task ConnectAndSubscribeAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var o = options.Value;

        // First, on every connect: the broker may have lost or never had the hub's grants (a new or restored broker).
        await accounts.PrepareHubAsync(cancellationToken);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Host, o.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(o.HubClientId())

            // A persistent session: what the hub received but had not acknowledged when it lost
            // the connection (or crashed) is delivered again when it comes back.
            .WithCleanStart(false)
            .WithSessionExpiryInterval(o.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(o.Username))
        {
            builder.WithCredentials(o.Username, o.Password);
        }

        var clientOptions = builder.Build();

        // MQTTnet sets the socket's buffers to 8 KB before connecting. On Linux that turns off TCP window scaling and
        // buffer auto-tuning, so the broker could send the hub only about 5 KB at a time (and loopback's 64 KB
        // segments were dropped and resent after 200 ms): the whole cluster's ingest was capped by this one window.
        ((MqttClientTcpOptions)clientOptions.ChannelOptions).BufferSize = SocketBufferBytes;
        await client.ConnectAsync(clientOptions, cancellationToken);
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter($"$share/{o.SharedGroup}/devices/+/telemetry", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"$share/{o.SharedGroup}/devices/+/status", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.SubscribeAsync(subscribe, cancellationToken);
        var refused = result.Items.Where(i => (int)i.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException($"broker refused subscription {refused[0].TopicFilter.Topic}: {refused[0].ResultCode}");
        }
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        var reliable = message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce;
        try
        {
            // Queued in arrival order here; acknowledged once stored, off this handler: MQTTnet
            // runs it serially for the whole connection, so waiting for storage here would limit
            // the hub to one group commit per message. PUBACKs may go out of order; MQTT allows it.
            var result = await processor.ProcessAsync(message.Topic, message.Payload, reliable, authenticatedDeviceId: null, CancellationToken.None);
            if (!result.Stored.IsCompletedSuccessfully)
            {
                e.AutoAcknowledge = false;
                _ = AcknowledgeWhenStoredAsync(e, result.Stored, Volatile.Read(ref _connection));
            }
        }
        catch (Exception ex)
        {
            LogMessageFailed(ex, message.Topic);
        }
    }

    private async Task AcknowledgeWhenStoredAsync(MqttApplicationMessageReceivedEventArgs e, Task stored, int connection)
    {
        try
        {
            await stored;
            if (connection != Volatile.Read(ref _connection))
            {
                // Stored, but its connection is gone: the broker sends it again on the new one (the session keeps it),
                // and storing it again is harmless (replays are idempotent); that copy is acknowledged.
                LogAcknowledgementDropped(e.ApplicationMessage.Topic);
                return;
            }

            await e.AcknowledgeAsync(CancellationToken.None);
        }
        catch (NotStoredException)
        {
            // No PUBACK: the broker keeps the message in the hub's persistent session and delivers it again.
            LogNotStored(e.ApplicationMessage.Topic);
        }
        catch (Exception ex)
        {
            LogMessageFailed(ex, e.ApplicationMessage.Topic);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port} and subscribed")]
    private partial void LogConnected(string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach MQTT broker {Host}:{Port}, next try in {Seconds} s: {Error}")]
    private partial void LogConnectFailed(string host, int port, double seconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to the MQTT broker; reconnecting")]
    private partial void LogDisconnected();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message on {Topic} not stored; left unacknowledged for redelivery")]
    private partial void LogNotStored(string topic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message on {Topic} stored after its connection was lost; the broker delivers it again")]
    private partial void LogAcknowledgementDropped(string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message on {Topic} could not be processed")]
    private partial void LogMessageFailed(Exception exception, string topic);
}
