using IotService.Dashboard.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IotService.Dashboard.Cluster;

/// <summary>
/// Carries live events between the hubs of a cluster over one Redis pub/sub channel: every
/// <see cref="HubClusterOptions.EventFlushMilliseconds"/> this hub publishes what its grains published
/// (<see cref="ClusterOutbox"/>) as one batch, and hands every other hub's batches to <see cref="ClusterInbox"/>.
/// Pub/sub is at most once: a batch published while Redis is away is dropped and counted, never queued without bound;
/// each device's next delta brings the others' maps up to date again (docs/operations.md).
/// </summary>
public sealed partial class ClusterEventRelay(
    IConnectionMultiplexer redis,
    ClusterOutbox outbox,
    ClusterInbox inbox,
    ClusterBatchCodec codec,
    ClusterRelayCounters counters,
    IOptions<HubClusterOptions> options,
    TimeProvider time,
    ILogger<ClusterEventRelay> logger) : BackgroundService
{
    private bool _failing;

    private RedisChannel Channel => RedisChannel.Literal($"iotservice:{options.Value.ClusterId}:live");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        // In order, one batch at a time: an alarm's events reach this hub's clients in the order its grain stored them.
        var queue = await subscriber.SubscribeAsync(Channel);
        queue.OnMessage(message => ReceiveAsync(message.Message, stoppingToken));
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.EventFlushMilliseconds), time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(subscriber);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what waits is this hub's last window; the records themselves are stored.
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    private async Task FlushAsync(ISubscriber subscriber)
    {
        if (outbox.Take() is not { } batch)
        {
            return;
        }

        try
        {
            await subscriber.PublishAsync(Channel, codec.Encode(batch));
            counters.Sent(batch.Count);
            if (_failing)
            {
                _failing = false;
                LogPublishResumed();
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            counters.Dropped(batch.Count);
            // Once per outage, not once per window.
            if (!_failing)
            {
                _failing = true;
                LogPublishFailed(e, batch.Count);
            }
        }
    }

    private async Task ReceiveAsync(RedisValue message, CancellationToken cancellationToken)
    {
        try
        {
            var batch = codec.Decode((byte[])message!);
            if (batch.Origin == outbox.Origin)
            {
                return;
            }

            await inbox.DeliverAsync(batch, cancellationToken);
            counters.Received(batch.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A batch this hub cannot read (another version of the hub mid-upgrade, say) costs its events, not the relay.
            LogReceiveFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Count} live events to the other hubs; events are dropped until Redis answers (counted in /api/cluster)")]
    private partial void LogPublishFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending live events to the other hubs again")]
    private partial void LogPublishResumed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read a batch of live events from another hub")]
    private partial void LogReceiveFailed(Exception exception);
}
