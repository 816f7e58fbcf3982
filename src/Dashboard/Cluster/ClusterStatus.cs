namespace IotService.Dashboard.Cluster;

/// <summary><c>GET /api/cluster</c>: how this hub is clustered, the hubs it knows of, and the live events relayed.</summary>
/// <param name="Mode"><c>localhost</c> (one hub) or <c>redis</c>.</param>
/// <param name="Self">This hub's silo address (<c>127.0.0.1:11111@…</c>).</param>
public sealed record ClusterStatus(string Mode, string ClusterId, string Self, IReadOnlyList<ClusterMember> Hubs, ClusterEventCounts Events);

/// <param name="Status">Orleans' view: <c>Active</c>, <c>Joining</c>, <c>ShuttingDown</c>, <c>Dead</c>, …</param>
public sealed record ClusterMember(string Address, string Name, string Status);

public sealed record ClusterEventCounts(long Sent, long Received, long Dropped);
