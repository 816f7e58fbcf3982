namespace IotService.Rules.Thresholds;

/// <summary>What one evaluation changed: nothing, the rule started firing, or it stopped.</summary>
public enum RuleTransition
{
    None,
    Raise,
    Clear,
}
