namespace IotService.Rules.Anomalies.Multivariate;

/// <summary>
/// Where a <see cref="MultivariateModel"/> came from: its <paramref name="Version"/> (numbered by the host, 0 until
/// stored), when it was trained, on how many rows of how many devices, and the history window they came from.
/// </summary>
public sealed record MultivariateProvenance(int Version, DateTimeOffset TrainedAt, long Rows, int Devices, DateTimeOffset From, DateTimeOffset To);
