namespace IotService.Rules.Thresholds;

/// <summary>How a threshold rule compares a value with its limit (SPEC §6).</summary>
public enum ThresholdOperator
{
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    OutsideRange,
    EqualTo,
}
