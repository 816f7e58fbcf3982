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
        // Every message comes through this one connection: with a device's 8 KB socket buffers it took about 5% of them
        // and the broker dropped the rest once its queue for it was full (docs/benchmarks.md, issue 19).
        var subscriber = new RelaySubscriber(await LoadDevices.ConnectAsync(o, "load-subscriber", null, socketBufferBytes: 4 * 1024 * 1024));
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
