namespace IotService.Dashboard.Map;

/// <summary>Snapshots: what a viewport shows when it is joined, and in cluster mode its clusters again when they changed.</summary>
public sealed partial class LiveMap
{
    /// <summary>Makes <paramref name="viewport"/> the connection's view and answers what it shows; the connection's state now matches the answer.</summary>
    private ViewportSnapshot Snapshot(MapSubscriber subscriber, Viewport viewport)
    {
        var audience = subscriber.Audience;
        var matching = new List<MapDevice>();
        _projection.Visit(viewport.Bounds, device =>
        {
            if (viewport.Matches(device.Facts, audience))
            {
                matching.Add(device);
            }
        });

        subscriber.View = viewport;
        subscriber.Sent.Clear();
        subscriber.Total = matching.Count;
        subscriber.ClustersChanged = false;
        subscriber.LastSnapshotAt = time.GetUtcNow();
        if (matching.Count <= _options.MaxSnapshotDevices)
        {
            subscriber.Clusters = null;
            foreach (var device in matching)
            {
                subscriber.Sent.Add(device.Id);
            }

            return ToSnapshot(subscriber, matching);
        }

        // Too many to draw one by one: clusters, but every serious fault still on its own (the worst first, up to the cap).
        var serious = matching.Where(d => d.Facts.IsSerious).OrderByDescending(d => d.Severity).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(_options.MaxSnapshotDevices).ToList();
        foreach (var device in serious)
        {
            subscriber.Sent.Add(device.Id);
        }

        var clusters = new ClusterSet(ClusterGrid.ForZoom(viewport.Zoom));
        foreach (var device in matching)
        {
            if (!subscriber.Sent.Contains(device.Id))
            {
                clusters.Add(device.Facts);
            }
        }

        subscriber.Clusters = clusters;
        return ToSnapshot(subscriber, serious);
    }

    /// <summary>A cluster-mode connection's clusters as its state stands, without looking at the view again.</summary>
    private ViewportClusters Reclusters(MapSubscriber subscriber)
    {
        subscriber.ClustersChanged = false;
        subscriber.LastSnapshotAt = time.GetUtcNow();
        return new ViewportClusters(subscriber.Clusters?.ToClusters() ?? [], subscriber.Total);
    }

    private ViewportSnapshot ToSnapshot(MapSubscriber subscriber, List<MapDevice> individual)
    {
        individual.Sort(static (a, b) => b.Severity != a.Severity ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.Id, b.Id));
        var devices = new List<SnapshotDevice>(individual.Count);
        foreach (var device in individual)
        {
            devices.Add(SnapshotDevice.From(device));
        }

        return new ViewportSnapshot(
            devices,
            subscriber.Clusters?.ToClusters() ?? [],
            subscriber.Total,
            subscriber.Clusters is not null,
            subscriber.Audience.Staff ? technicians.All() : null);
    }
}
