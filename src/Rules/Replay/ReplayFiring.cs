namespace IotService.Rules.Replay;

/// <summary>
/// One period in which the rule would have fired. <paramref name="ClearedAt"/> is null when it was still firing
/// at the end of the history. <paramref name="PeakValue"/> is the most extreme value while firing (see <see cref="RuleReplay"/>).
/// </summary>
public sealed record ReplayFiring(string DeviceId, DateTimeOffset RaisedAt, DateTimeOffset? ClearedAt, double PeakValue);
