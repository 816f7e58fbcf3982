using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using IotService.Ingest.Mqtt.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotService.Ingest.Mqtt.External;

/// <summary>
/// Mosquitto's dynamic-security control API: JSON commands published to <see cref="RequestTopic"/>, answered on
/// <see cref="ResponseTopic"/>. Its own connection (clean session, <c>{hub client id}-control</c>), opened on first
/// use and again after it drops, so the hub's persistent subscriber session never mixes with request traffic.
/// </summary>
public sealed partial class DynamicSecurityClient(
    IOptions<MqttOptions> options, MqttNetLoggerAdapter mqttLogger, TimeProvider time, ILogger<DynamicSecurityClient> logger) : IAsyncDisposable
{
    public const string RequestTopic = "$CONTROL/dynamic-security/v1";
    public const string ResponseTopic = RequestTopic + "/response";

    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyList<DynamicSecurityResponse>>> _pending = new();
    private IMqttClient? _client;

    public string Broker => $"{options.Value.Host}:{options.Value.Port}";

    /// <summary>Sends the commands as one message (the plugin runs them in order) and returns their answers in the same order.</summary>
    /// <exception cref="BrokerUnavailableException">Not connected, not allowed, or no answer within <c>Mqtt:ControlTimeoutSeconds</c>.</exception>
    public async Task<IReadOnlyList<DynamicSecurityResponse>> SendAsync(IReadOnlyList<JsonObject> commands, CancellationToken cancellationToken)
    {
        var seconds = options.Value.ControlTimeoutSeconds;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        // Every admin client subscribed to the response topic receives every answer: the correlation data picks ours.
        var correlation = Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource<IReadOnlyList<DynamicSecurityResponse>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[correlation] = answer;
        try
        {
            var client = await ConnectedAsync(linked.Token);
            var request = new JsonArray();
            foreach (var command in commands)
            {
                command["correlationData"] = correlation;
                request.Add(command);
            }

            var result = await client.PublishAsync(
                new MqttApplicationMessageBuilder()
                    .WithTopic(RequestTopic)
                    .WithPayload(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["commands"] = request }))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                linked.Token);
            if ((int)result.ReasonCode >= 0x80)
            {
                throw new BrokerUnavailableException($"The MQTT broker {Broker} refused '{options.Value.Username}' the dynamic-security control API ({result.ReasonCode}).");
            }

            var responses = await answer.Task.WaitAsync(linked.Token);
            return responses.Count == commands.Count
                ? responses
                : throw new BrokerUnavailableException($"The MQTT broker {Broker} answered {responses.Count} of {commands.Count} dynamic-security commands.");
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnavailableException(
                $"The MQTT broker {Broker} did not answer on {RequestTopic} within {seconds} s (is its dynamic-security plugin loaded, and is '{options.Value.Username}' its admin?).", ex);
        }
        catch (MqttCommunicationException ex)
        {
            throw new BrokerUnavailableException($"The hub could not connect to the MQTT broker {Broker}: {ex.Message}", ex);
        }
        finally
        {
            _pending.TryRemove(correlation, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true })
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
            }
            catch (MqttCommunicationException)
            {
                // The broker went away first.
            }
        }

        _client?.Dispose();
        _connecting.Dispose();
    }

    private async Task<IMqttClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } connected)
        {
            return connected;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_client is { IsConnected: true } raced)
            {
                return raced;
            }

            _client?.Dispose();
            _client = null;
            var client = new MqttClientFactory(mqttLogger).CreateMqttClient();
            client.ApplicationMessageReceivedAsync += OnResponseAsync;
            try
            {
                await ConnectAsync(client, cancellationToken);
            }
            catch
            {
                client.Dispose();
                throw;
            }

            _client = client;
            LogConnected(Broker);
            return client;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private async Task ConnectAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Host, o.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(o.HubClientId() + "-control")
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15));
        if (!string.IsNullOrEmpty(o.Username))
        {
            builder.WithCredentials(o.Username, o.Password);
        }

        await client.ConnectAsync(builder.Build(), cancellationToken);
        var subscribed = await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(ResponseTopic, MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        var code = subscribed.Items.Single().ResultCode;
        if ((int)code > (int)MqttClientSubscribeResultCode.GrantedQoS2)
        {
            throw new BrokerUnavailableException($"The MQTT broker {Broker} refused '{o.Username}' a subscription to {ResponseTopic} ({code}): it is not the dynamic-security admin.");
        }
    }

    private Task OnResponseAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (e.ApplicationMessage.Topic != ResponseTopic)
        {
            return Task.CompletedTask;
        }

        try
        {
            using var document = JsonDocument.Parse(e.ApplicationMessage.Payload);
            var responses = document.RootElement.GetProperty("responses").EnumerateArray().Select(Parse).ToList();
            if (responses.Count > 0 && responses[0].Correlation is { } correlation && _pending.TryRemove(correlation, out var answer))
            {
                answer.TrySetResult(responses.Select(r => r.Response).ToList());
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogUnreadableResponse(ex.Message);
        }

        return Task.CompletedTask;
    }

    private static (string? Correlation, DynamicSecurityResponse Response) Parse(JsonElement r)
    {
        string? Text(string name) => r.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        JsonElement? data = r.TryGetProperty("data", out var d) ? d.Clone() : null;
        return (Text("correlationData"), new DynamicSecurityResponse(Text("command") ?? "", Text("error"), data));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the dynamic-security control API of MQTT broker {Broker}")]
    private partial void LogConnected(string broker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable answer on the dynamic-security response topic: {Error}")]
    private partial void LogUnreadableResponse(string error);
}
