using IotService.Dashboard.Live;
using IotService.Dashboard.Live.Protocols;

namespace IotService.Dashboard.Map;

/// <summary>
/// A window: the coalesced deltas applied to the projection, each offered to the connections it may concern, and what
/// each connection gained sent as one message. The work grows with changed devices × connections that see them, not
/// with all devices or all connections; an entry is shared by every connection that gets the same one.
/// </summary>
public sealed partial class LiveMap
{
    private readonly List<MapSubscriber> _pending = [];
    private readonly List<MapSubscriber> _candidates = [];
    private long _visit;

    /// <returns>How many devices changed in the window.</returns>
    public int RunWindow()
    {
        lock (_gate)
        {
            // Taken under the lock: two windows must apply their deltas in the order they were taken.
            var window = deltas.Take();
            foreach (var coalesced in window)
            {
                Route(_projection.Apply(coalesced));
            }

            var movedTechnicians = technicians.TakeChanges();
            if (movedTechnicians.Count > 0)
            {
                RouteTechnicians(movedTechnicians);
            }

            Flush(time.GetUtcNow());
            Interlocked.Increment(ref _windows);
            return window.Count;
        }
    }

    private void Route(DeviceChange change)
    {
        var after = change.Device.Facts;
        var visit = ++_visit;
        _candidates.Clear();
        _views.Collect(change.Before, after, visit, _candidates);
        if (_watchers.TryGetValue(change.Device.Id, out var watchers))
        {
            foreach (var watcher in watchers)
            {
                ViewportIndex.Offer(watcher, visit, _candidates);
            }
        }

        if (_candidates.Count == 0)
        {
            return;
        }

        var variants = new DeltaVariants(change, _customerValues);
        foreach (var subscriber in _candidates)
        {
            Route(subscriber, change, after, variants);
        }
    }

    /// <summary>What one connection learns of one device's change, from what it was sent before and what it shows now.</summary>
    private void Route(MapSubscriber subscriber, DeviceChange change, DeviceFacts after, DeltaVariants variants)
    {
        var id = change.Device.Id;
        var audience = subscriber.Audience;
        var customer = audience.IsCustomer;
        var view = subscriber.View;
        var watched = subscriber.Watched.Contains(id) && audience.MaySee(after.CustomerId);
        var wasIn = view is not null && change.Before is { } before && view.Matches(before, audience);
        var isIn = view is not null && view.Matches(after, audience);
        var had = subscriber.Sent.Contains(id);
        var clusters = subscriber.Clusters;

        // In cluster mode only serious devices are drawn on their own; the rest are counted in the clusters.
        var alone = isIn && (clusters is null || (after.IsSerious && (had || subscriber.Sent.Count < _options.MaxSnapshotDevices)));
        if (clusters is not null)
        {
            var wasClustered = wasIn && !had;
            var isClustered = isIn && !alone;
            if (wasClustered && isClustered)
            {
                subscriber.ClustersChanged |= clusters.Move(change.Before!.Value, after);
            }
            else if (wasClustered || isClustered)
            {
                if (wasClustered)
                {
                    clusters.Remove(change.Before!.Value);
                }

                if (isClustered)
                {
                    clusters.Add(after);
                }

                subscriber.ClustersChanged = true;
            }

            if (subscriber.ClustersChanged)
            {
                MarkPending(subscriber);
            }
        }

        subscriber.Total += (isIn ? 1 : 0) - (wasIn ? 1 : 0);
        if (alone)
        {
            Put(subscriber, had ? variants.Changed(customer) : variants.Entered(customer));
            subscriber.Sent.Add(id);
        }
        else if (had)
        {
            subscriber.Sent.Remove(id);
            Put(subscriber, variants.Removed(watched, customer));
        }
        else if (watched)
        {
            Put(subscriber, variants.Watched(customer));
        }
    }

    private void RouteTechnicians(List<MapTechnician> moved)
    {
        foreach (var subscriber in _subscribers.Values)
        {
            if (subscriber.Audience.Staff && subscriber.View is not null)
            {
                foreach (var technician in moved)
                {
                    subscriber.TechnicianOutbox[technician.Id] = technician;
                }

                MarkPending(subscriber);
            }
        }
    }

    private void Put(MapSubscriber subscriber, DeltaEntry entry)
    {
        var id = entry.Message.Id;
        subscriber.Outbox[id] = subscriber.Outbox.TryGetValue(id, out var older) ? DeltaEntry.Merge(older, entry) : entry;
        MarkPending(subscriber);
    }

    private void MarkPending(MapSubscriber subscriber)
    {
        if (!subscriber.Pending)
        {
            subscriber.Pending = true;
            _pending.Add(subscriber);
        }
    }

    /// <summary>
    /// Sends each connection with something new that keeps up (<see cref="ConnectionQueue.HasRoom"/>): at most one <c>deviceDeltas</c> (and one
    /// <c>technicianDeltas</c>) per window, and in cluster mode the clusters again when one changed, at most once per
    /// <see cref="MapOptions.ClusterRefreshMilliseconds"/>. A busy connection keeps its entries, merged, for a later window.
    /// </summary>
    private void Flush(DateTimeOffset now)
    {
        var refresh = TimeSpan.FromMilliseconds(_options.ClusterRefreshMilliseconds);
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var subscriber = _pending[i];
            if (!subscriber.Queue.HasRoom)
            {
                continue;
            }

            if (subscriber.Outbox.Count > 0)
            {
                var entries = new List<Preserialized>(subscriber.Outbox.Count);
                foreach (var entry in subscriber.Outbox.Values)
                {
                    entries.Add(entry.Payload);
                }

                subscriber.Outbox.Clear();
                _ = Send(subscriber, LiveMethods.DeviceDeltas, entries);
            }

            if (subscriber.TechnicianOutbox.Count > 0)
            {
                _ = Send(subscriber, LiveMethods.TechnicianDeltas, subscriber.TechnicianOutbox.Values.ToList());
                subscriber.TechnicianOutbox.Clear();
            }

            if (subscriber.ClustersChanged)
            {
                if (now - subscriber.LastSnapshotAt < refresh)
                {
                    // Stays pending until the snapshot may go again.
                    continue;
                }

                _ = Send(subscriber, LiveMethods.ViewportClusters, Reclusters(subscriber));
            }

            _pending[i] = _pending[^1];
            _pending.RemoveAt(_pending.Count - 1);
            subscriber.Pending = false;
        }
    }
}
