using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>A device: a real MQTTnet client connected over loopback.</summary>
public sealed class MqttDevice : IAsyncDisposable
{
    private MqttDevice(IMqttClient client, string id)
    {
        Client = client;
        Id = id;
    }

    public IMqttClient Client { get; }

    public string Id { get; }

    /// <param name="clientId">Default: <c>{id}/{random}</c>, as the hub requires of a device.</param>
    public static async Task<MqttDevice> ConnectAsync(
        int port, string id, string? secret, MqttProtocolVersion version = MqttProtocolVersion.V500, string? username = null, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId ?? id + "/" + Guid.NewGuid().ToString("N")[..6])
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (secret is not null)
        {
            options.WithCredentials(username ?? id, secret);
        }

        await client.ConnectAsync(options.Build());
        return new MqttDevice(client, id);
    }

    /// <summary>Connects and disconnects again, answering how the broker received the credentials.</summary>
    public static async Task<MqttClientConnectResultCode> TryConnectAsync(
        int port, string id, string? secret, string? clientId = null, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId ?? id + "/try")
            .WithProtocolVersion(version).WithTimeout(TimeSpan.FromSeconds(10));
        if (secret is not null)
        {
            options.WithCredentials(id, secret);
        }

        MqttClientConnectResult result;
        try
        {
            result = await client.ConnectAsync(options.Build());
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException ex) when (ex.InnerException is null)
        {
            // MQTTnet 5 reports a refused CONNACK as this exception; its message carries the code.
            return Enum.GetValues<MqttClientConnectResultCode>().First(c => ex.Message.Contains(c.ToString(), StringComparison.Ordinal));
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync();
        }

        return result.ResultCode;
    }

    public Task<MqttClientPublishResult> PublishAsync(string payload, string? topic = null, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce)
        => Client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic ?? $"devices/{Id}/telemetry")
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(qos)
            .Build());

    public Task<MqttClientPublishResult> PublishBytesAsync(byte[] payload, string? topic = null)
        => Client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic ?? $"devices/{Id}/telemetry")
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Client.IsConnected)
            {
                await Client.DisconnectAsync();
            }
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker is gone (a crash test killed it): nothing to disconnect from.
        }

        Client.Dispose();
    }
}
