namespace IotService.Contracts.Replay;

/// <summary>
/// What <see cref="IRuleReplayGrain.ReplayAsync"/> answers: the <see cref="Response"/> when replayed; the
/// <see cref="Errors"/> by field when the request is invalid; <see cref="Detail"/> (and for a replay too large, the
/// <see cref="MaxReadings"/> it may read) otherwise.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleReplayAnswer(
    [property: Id(0)] RuleReplayOutcome Outcome,
    [property: Id(1)] RuleReplayResponse? Response = null,
    [property: Id(2)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: Id(3)] string? Detail = null,
    [property: Id(4)] int? MaxReadings = null);
