namespace IotService.Dashboard.Models.Anomalies;

/// <summary>
/// <c>GET /api/device-models/{id}/anomaly-model</c>: the model's trained multivariate detector — its version, when
/// and on how many aligned rows of how many devices it was trained, the properties it relates and how many
/// components it keeps — with the version it replaced and the outcome of the latest training attempt.
/// </summary>
public sealed record AnomalyModelResponse(
    string ModelId,
    int Version,
    DateTimeOffset TrainedAt,
    long Rows,
    int Devices,
    IReadOnlyList<string> Properties,
    int Rank,
    int? PreviousVersion,
    DateTimeOffset? LastAttemptAt,
    string? LastOutcome);
