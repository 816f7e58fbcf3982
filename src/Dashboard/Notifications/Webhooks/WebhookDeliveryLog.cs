using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Notifications.Webhooks;

/// <summary>The newest deliveries in memory, newest last; older ones fall off when the ring is full.</summary>
public sealed class WebhookDeliveryLog(IOptions<WebhookOptions> options)
{
    private readonly int _size = options.Value.DeliveryLogSize;
    private readonly Lock _lock = new();
    private readonly LinkedList<WebhookDelivery> _entries = new();
    private readonly Dictionary<Guid, LinkedListNode<WebhookDelivery>> _byId = [];
    private long _dropped;

    /// <summary>Raised after every change, outside the lock; lets tests and pushers wait on a signal.</summary>
    public event Action<WebhookDelivery>? Changed;

    /// <summary>Deliveries dropped because their target's queue was full, since start.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    public void Add(WebhookDelivery delivery)
    {
        lock (_lock)
        {
            _byId[delivery.Id] = _entries.AddLast(delivery);
            while (_entries.Count > _size)
            {
                _byId.Remove(_entries.First!.Value.Id);
                _entries.RemoveFirst();
            }
        }
        Changed?.Invoke(delivery);
    }

    /// <summary>Replaces an entry; a no-op once the entry has fallen off the ring.</summary>
    public WebhookDelivery? Update(Guid id, Func<WebhookDelivery, WebhookDelivery> change)
    {
        WebhookDelivery updated;
        lock (_lock)
        {
            if (!_byId.TryGetValue(id, out var node))
            {
                return null;
            }
            updated = node.Value = change(node.Value);
        }
        Changed?.Invoke(updated);
        return updated;
    }

    public void MarkDropped(Guid id)
    {
        Interlocked.Increment(ref _dropped);
        Update(id, d => d with { State = WebhookDeliveryState.Dropped, Error = "Queue full: dropped for a newer delivery." });
    }

    public WebhookDelivery? Find(Guid id)
    {
        lock (_lock)
        {
            return _byId.TryGetValue(id, out var node) ? node.Value : null;
        }
    }

    /// <summary>
    /// Newest first, optionally only one target's, and only those older than <paramref name="before"/> (the last
    /// one of the previous page); nothing once that entry has fallen off the ring, as everything older has too.
    /// </summary>
    public IReadOnlyList<WebhookDelivery> Recent(int limit, string? target = null, Guid? before = null)
    {
        var result = new List<WebhookDelivery>(Math.Clamp(limit, 0, _size));
        lock (_lock)
        {
            var start = before is not { } id ? _entries.Last
                : _byId.TryGetValue(id, out var previous) ? previous.Previous
                : null;
            for (var node = start; node is not null && result.Count < limit; node = node.Previous)
            {
                if (target is null || string.Equals(node.Value.Target, target, StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(node.Value);
                }
            }
        }
        return result;
    }
}
