using IotService.Dashboard.Live;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Map;

/// <summary>
/// The live map behind <c>/hubs/map</c>: the <see cref="DeviceProjection"/> of every device, and per connection its
/// viewport, watched devices and what it was sent (<see cref="MapSubscriber"/>). A join answers a
/// <c>viewportSnapshot</c>; then once a window (<see cref="RunWindow"/>) each changed device is offered only to the
/// connections whose view holds it before or after the change (<see cref="ViewportIndex"/>) or that watch it, and each
/// connection is sent one <c>deviceDeltas</c> message with what changed for it. One lock serialises joins and windows,
/// so a connection's snapshot and the deltas after it always agree.
/// </summary>
public sealed partial class LiveMap(
    DeviceDeltaNotifier deltas,
    TechnicianBoard technicians,
    IMapClients clients,
    DeviceDirectory directory,
    IOptions<MapOptions> options,
    TimeProvider time,
    ILogger<LiveMap> logger)
{
    private readonly Lock _gate = new();
    private readonly DeviceProjection _projection = new();
    private readonly ViewportIndex _views = new();
    private readonly Dictionary<string, MapSubscriber> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<MapSubscriber>> _watchers = new(StringComparer.Ordinal);
    private readonly CustomerValues _customerValues = new(directory);
    private readonly MapOptions _options = options.Value;
    private long _windows;
    private long _queued;

    /// <summary>Windows run since start; a client is sent at most one <c>deviceDeltas</c> message per window.</summary>
    public long WindowCount => Interlocked.Read(ref _windows);

    /// <summary>Messages queued for connections since start (snapshots and deltas); each is sent right after, in order per connection.</summary>
    public long MessagesQueued => Interlocked.Read(ref _queued);

    public int DeviceCount
    {
        get
        {
            lock (_gate)
            {
                return _projection.Count;
            }
        }
    }

    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public ProjectedDevice? Find(string deviceId)
    {
        lock (_gate)
        {
            return _projection.Find(deviceId)?.ToView();
        }
    }

    /// <returns>How many of the catalog's devices were new to the projection.</returns>
    public int Load(IEnumerable<DeviceSummary> summaries)
    {
        lock (_gate)
        {
            return summaries.Count(_projection.Load);
        }
    }

    /// <summary>Replaces the connection's viewport and queues its snapshot.</summary>
    /// <returns>Completes when the snapshot was handed to the connection.</returns>
    public Task JoinAsync(string connectionId, MapAudience audience, Viewport viewport)
    {
        lock (_gate)
        {
            var subscriber = Subscriber(connectionId, audience);
            DropViewEntries(subscriber);
            var snapshot = Snapshot(subscriber, viewport);
            _views.Add(subscriber, viewport.Bounds);
            return Send(subscriber, LiveMethods.ViewportSnapshot, snapshot);
        }
    }

    public void Leave(string connectionId)
    {
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(connectionId, out var subscriber))
            {
                return;
            }

            _views.Remove(subscriber);
            subscriber.View = null;
            subscriber.Clusters = null;
            subscriber.Sent.Clear();
            subscriber.Total = 0;
            subscriber.ClustersChanged = false;
            DropViewEntries(subscriber);
            if (subscriber.Watched.Count == 0)
            {
                Remove(subscriber);
            }
        }
    }

    /// <summary>
    /// Replaces the devices the connection watches (deltas wherever they are; see <see cref="WatchList"/>); each newly
    /// watched device is sent as it stands with the next window.
    /// </summary>
    public void Watch(string connectionId, MapAudience audience, IReadOnlySet<string> deviceIds)
    {
        lock (_gate)
        {
            var subscriber = Subscriber(connectionId, audience);
            var before = subscriber.Watched;
            Unwatch(subscriber);
            subscriber.Watched = deviceIds;
            foreach (var id in deviceIds)
            {
                // Newly watched: its current state with the next window, so a change made before the watch began is not missed.
                if (!before.Contains(id) && _projection.Find(id) is { } device && audience.MaySee(device.CustomerId))
                {
                    Put(subscriber, new DeltaEntry(DeviceDeltaMessage.Current(device)));
                }

                if (!_watchers.TryGetValue(id, out var watchers))
                {
                    _watchers[id] = watchers = [];
                }

                watchers.Add(subscriber);
            }

            if (deviceIds.Count == 0 && subscriber.View is null)
            {
                Remove(subscriber);
            }
        }
    }

    public void Disconnect(string connectionId)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(connectionId, out var subscriber))
            {
                Remove(subscriber);
            }
        }
    }

    private Task Send(MapSubscriber subscriber, string method, object payload)
    {
        Interlocked.Increment(ref _queued);
        return subscriber.Queue.Enqueue(method, payload);
    }

    private MapSubscriber Subscriber(string connectionId, MapAudience audience)
    {
        if (!_subscribers.TryGetValue(connectionId, out var subscriber))
        {
            _subscribers[connectionId] = subscriber = new MapSubscriber(connectionId, audience, new ConnectionQueue(connectionId, clients, logger));
        }

        return subscriber;
    }

    private void Remove(MapSubscriber subscriber)
    {
        _subscribers.Remove(subscriber.ConnectionId);
        _views.Remove(subscriber);
        Unwatch(subscriber);
        if (subscriber.Pending)
        {
            _pending.Remove(subscriber);
            subscriber.Pending = false;
        }

        subscriber.Queue.Close();
    }

    private void Unwatch(MapSubscriber subscriber)
    {
        foreach (var id in subscriber.Watched)
        {
            if (_watchers.TryGetValue(id, out var watchers))
            {
                watchers.Remove(subscriber);
                if (watchers.Count == 0)
                {
                    _watchers.Remove(id);
                }
            }
        }

        subscriber.Watched = new HashSet<string>();
    }

    /// <summary>Entries routed for the previous viewport are stale once a new snapshot replaces it; those for watched devices are not.</summary>
    private static void DropViewEntries(MapSubscriber subscriber)
    {
        foreach (var (id, entry) in subscriber.Outbox)
        {
            if (!entry.Message.Watched)
            {
                subscriber.Outbox.Remove(id);
            }
        }
    }
}
