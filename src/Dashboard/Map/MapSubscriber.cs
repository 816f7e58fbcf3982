namespace IotService.Dashboard.Map;

/// <summary>
/// What the live map keeps per connection: who it is (<see cref="Audience"/>), its viewport and watched devices, and what
/// it was sent — the devices drawn on their own (<see cref="Sent"/>), and in cluster mode the clusters
/// (<see cref="Clusters"/>) — so that each window it is sent only what changed for it. Changed only under
/// <see cref="LiveMap"/>'s lock.
/// </summary>
public sealed class MapSubscriber(string connectionId, MapAudience audience, ConnectionQueue queue)
{
    public string ConnectionId { get; } = connectionId;

    public MapAudience Audience { get; } = audience;

    public ConnectionQueue Queue { get; } = queue;

    public Viewport? View { get; set; }

    /// <summary>Devices the client draws on their own: every matching device in view, or in cluster mode the serious ones.</summary>
    public HashSet<string> Sent { get; } = new(StringComparer.Ordinal);

    /// <summary>Non-null in cluster mode: the clustered devices, counted per cell.</summary>
    public ClusterSet? Clusters { get; set; }

    /// <summary>Matching devices in view, clustered or not.</summary>
    public int Total { get; set; }

    /// <summary>In cluster mode, a cluster's count or worst severity changed since the last snapshot.</summary>
    public bool ClustersChanged { get; set; }

    public DateTimeOffset LastSnapshotAt { get; set; }

    public IReadOnlySet<string> Watched { get; set; } = new HashSet<string>();

    /// <summary>Entries waiting for the next window the connection is idle in, at most one per device.</summary>
    public Dictionary<string, DeltaEntry> Outbox { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MapTechnician> TechnicianOutbox { get; } = new(StringComparer.Ordinal);

    /// <summary>In <see cref="LiveMap"/>'s list of connections with something to send.</summary>
    internal bool Pending { get; set; }

    /// <summary>The change it was last offered, so a device's change reaches it once even when found twice.</summary>
    internal long LastVisit { get; set; }

    /// <summary>Its entries in the <see cref="ViewportIndex"/>: the cells it registered in, or the wide list.</summary>
    internal List<int>? IndexCells { get; set; }

    internal bool IndexWide { get; set; }
}
