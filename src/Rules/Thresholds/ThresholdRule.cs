namespace IotService.Rules.Thresholds;

/// <summary>
/// A threshold rule (SPEC §6). For <see cref="ThresholdOperator.OutsideRange"/>, <paramref name="Value"/> is the
/// low end and <paramref name="HighValue"/> the high end. <paramref name="Duration"/> of zero raises on the first
/// matching reading. <paramref name="ClearValue"/> adds hysteresis; see <see cref="ThresholdConditions.IsCleared"/>
/// for its exact meaning per operator. Severity is not here: it belongs to the alarm, whatever the kind.
/// </summary>
public sealed record ThresholdRule(
    string Id,
    string Property,
    ThresholdOperator Operator,
    double Value,
    double? HighValue,
    TimeSpan Duration,
    double? ClearValue);
