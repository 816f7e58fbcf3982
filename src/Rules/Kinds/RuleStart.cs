namespace IotService.Rules.Kinds;

/// <summary>
/// Where a fresh rule state starts: <paramref name="Now"/> by the hub's clock, and, when an alarm of the rule is
/// already open (the rule was edited, or its checkpoint could not be read), when that alarm was raised, so the
/// state starts out firing and the open alarm is neither raised again nor left without a rule to clear it.
/// </summary>
public readonly record struct RuleStart(DateTimeOffset Now, DateTimeOffset? AlarmOpenSince = null);
