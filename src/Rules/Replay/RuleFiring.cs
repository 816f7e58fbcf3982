namespace IotService.Rules.Replay;

/// <summary>
/// One period in which a rule fired (or would have). <paramref name="ClearedAt"/> is null when it was still firing
/// at the end of the history. <paramref name="PeakValue"/> is the most extreme value while firing, as the rule
/// ranks them (<see cref="Kinds.ICompiledRule.IsMoreExtreme(Kinds.IRuleState, double, double)"/>); the clearing reading is not part of the firing.
/// For a firing raised by a batch rather than one reading (the multivariate detector) it is the value the rule raised
/// with, its score. <paramref name="Why"/> is the explanation the alarm would have carried.
/// </summary>
public sealed record RuleFiring(string DeviceId, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, double PeakValue, string Why);
