using MQTTnet;
using MQTTnet.Protocol;

namespace IotService.Benchmarks.Load;

/// <summary>
/// The one subscriber of a plain broker: a relay that routes to nobody would measure less than a broker's
/// real work, so the baseline includes delivering every message once.
/// </summary>
public sealed class RelaySubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private long _received;

    private RelaySubscriber(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref _received);
            return Task.CompletedTask;
        };
    }

    public long Received => Interlocked.Read(ref _received);

    public static async Task<RelaySubscriber> ConnectAsync(LoadOptions o)
    {
        var subscriber = new RelaySubscriber(await LoadDevices.ConnectAsync(o, "load-subscriber", null));
        var filter = new MqttClientSubscribeOptionsBuilder().WithTopicFilter("devices/+/telemetry", (MqttQualityOfServiceLevel)o.Qos).Build();
        await subscriber._client.SubscribeAsync(filter);
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _client.DisconnectAsync();
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            // The broker is gone already (it failed, or the run was stopped).
        }
        finally
        {
            _client.Dispose();
        }
    }
}
