using System.Text.Json.Serialization;

namespace IotService.Dashboard.Map;

/// <summary>
/// The <c>viewportSnapshot</c> message: what a viewport shows, replacing whatever the client showed before.
/// <paramref name="Total"/> counts every matching device in view, clustered or not. When more than
/// <see cref="MapOptions.MaxSnapshotDevices"/> are in view, <paramref name="Clustered"/> is true,
/// <paramref name="Clusters"/> counts them per grid cell, and <paramref name="Devices"/> holds only the major and
/// critical ones (worst first, at most that many), which are not counted in any cluster. <paramref name="Technicians"/>
/// is there for staff only.
/// </summary>
public sealed record ViewportSnapshot(
    IReadOnlyList<SnapshotDevice> Devices,
    IReadOnlyList<SnapshotCluster> Clusters,
    int Total,
    bool Clustered,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MapTechnician>? Technicians);
