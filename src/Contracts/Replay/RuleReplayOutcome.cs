namespace IotService.Contracts.Replay;

/// <summary>How a replay ended; each maps to one HTTP answer (200, 404, 400, 422, 503).</summary>
public enum RuleReplayOutcome
{
    Replayed = 0,
    ModelNotFound = 1,
    Invalid = 2,
    TooLarge = 3,
    HistoryUnavailable = 4,
}
