namespace IotService.Rules.Kinds;

/// <summary>What one evaluation changed.</summary>
public enum RuleTransition
{
    /// <summary>Evaluated; the rule keeps firing or keeps quiet.</summary>
    None,

    /// <summary>The rule started firing.</summary>
    Raise,

    /// <summary>The rule stopped firing.</summary>
    Clear,

    /// <summary>The reading told the rule nothing (late, or not a number); its state is untouched.</summary>
    Ignored,
}
