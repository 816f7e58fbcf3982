using System.Threading.Channels;
using IotService.Ingest.Diagnostics;
using Microsoft.Extensions.Options;

namespace IotService.Ingest.Pipeline;

/// <summary>
/// The bounded hand-over between MQTT handlers and the pump. Two queues, because the two QoS
/// levels have different full-queue policies: QoS 1 waits (back-pressure reaches the device
/// through the held PUBACK, nothing is dropped); QoS 0 drops the oldest message and counts it.
/// </summary>
public sealed class IngestQueue
{
    private readonly Channel<IngestItem> _reliable;
    private readonly Channel<IngestItem> _lossy;

    public IngestQueue(IOptions<IngestOptions> options, IngestStats stats)
    {
        Capacity = options.Value.QueueCapacity;
        _reliable = Channel.CreateBounded<IngestItem>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _lossy = Channel.CreateBounded<IngestItem>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => stats.Dropped());
        stats.QueueDepth = () => Depth;
        stats.QueueCapacity = () => Capacity * 2;
    }

    public int Capacity { get; }

    public int Depth => _reliable.Reader.Count + _lossy.Reader.Count;

    public ChannelReader<IngestItem> Reliable => _reliable.Reader;

    public ChannelReader<IngestItem> Lossy => _lossy.Reader;

    /// <summary>QoS 1 and above: completes when the item is queued, waiting while the queue is full.</summary>
    public ValueTask EnqueueReliableAsync(IngestItem item, CancellationToken cancellationToken)
        => _reliable.Writer.WriteAsync(item, cancellationToken);

    /// <summary>QoS 0: never waits; a full queue drops its oldest message.</summary>
    public void EnqueueLossy(IngestItem item) => _lossy.Writer.TryWrite(item);

    public void Complete()
    {
        _reliable.Writer.TryComplete();
        _lossy.Writer.TryComplete();
    }
}
