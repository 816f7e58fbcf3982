using IotService.Contracts.Common;

namespace IotService.Dashboard.Map;

/// <summary>Devices of one grid cell drawn as one marker: their mean position (5 decimals), how many, and the worst severity among them.</summary>
public sealed record SnapshotCluster(double Lat, double Lon, int Count, Severity Severity);
