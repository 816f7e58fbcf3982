namespace IotService.Dashboard.Map;

/// <summary>
/// A cluster-mode connection's clusters again, after one changed: replaces the clusters the client drew and the count
/// of devices in view. The devices drawn on their own keep coming as <c>deviceDeltas</c>, so they are not repeated
/// (at world view they are most of a snapshot's bytes).
/// </summary>
public sealed record ViewportClusters(IReadOnlyList<SnapshotCluster> Clusters, int Total);
