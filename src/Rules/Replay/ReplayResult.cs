namespace IotService.Rules.Replay;

/// <summary>What a rule would have done over stored history: how often it fired, and each firing in raise order.</summary>
public sealed record ReplayResult(int FiringCount, int ReadingCount, IReadOnlyList<RuleFiring> Firings);
