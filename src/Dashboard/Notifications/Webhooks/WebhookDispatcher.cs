using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>
/// Accepts notifications without blocking the caller. Each target has its own bounded queue so a slow
/// or dead receiver only backs up its own deliveries; when a queue is full the oldest waiting one is dropped.
/// </summary>
public sealed class WebhookDispatcher
{
    private readonly WebhookDeliveryLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly Dictionary<string, Channel<WebhookJob>> _queues;

    public WebhookDispatcher(IOptions<WebhookOptions> options, WebhookDeliveryLog log, TimeProvider time, ILogger<WebhookDispatcher> logger)
    {
        _log = log;
        _time = time;
        _logger = logger;
        var capacity = options.Value.QueueCapacity;
        _queues = options.Value.Targets.Keys.ToDictionary(
            name => name,
            _ => Channel.CreateBounded<WebhookJob>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                dropped => _log.MarkDropped(dropped.Id)),
            StringComparer.OrdinalIgnoreCase);
    }

    internal IReadOnlyDictionary<string, Channel<WebhookJob>> Queues => _queues;

    /// <summary>Queues a signed POST of <paramref name="payload"/> as compact JSON; returns the delivery id.</summary>
    public Guid Enqueue(string target, string eventType, object payload)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(payload);

        var id = Guid.NewGuid();
        var delivery = new WebhookDelivery(id, target, eventType, _time.GetUtcNow(), [], WebhookDeliveryState.Pending);
        if (!_queues.TryGetValue(target, out var queue))
        {
            _logger.UnknownTarget(target, eventType, id);
            _log.Add(delivery with { State = WebhookDeliveryState.Failed, Error = $"Unknown webhook target '{target}'." });
            return id;
        }
        _log.Add(delivery);
        if (!queue.Writer.TryWrite(new WebhookJob(id, target, eventType, WebhookSigner.Serialize(payload))))
        {
            // Only after shutdown: a bounded DropOldest channel otherwise always accepts.
            _log.Update(id, d => d with { State = WebhookDeliveryState.Dropped, Error = "Dispatcher stopped." });
        }
        return id;
    }
}
