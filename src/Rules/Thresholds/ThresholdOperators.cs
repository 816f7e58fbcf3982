using System.Diagnostics.CodeAnalysis;

namespace IotService.Rules.Thresholds;

/// <summary>Parses the operator spellings the HTTP contract uses.</summary>
public static class ThresholdOperators
{
    public static bool TryParse(string? text, out ThresholdOperator op)
    {
        op = text switch
        {
            ">" => ThresholdOperator.GreaterThan,
            ">=" => ThresholdOperator.GreaterOrEqual,
            "<" => ThresholdOperator.LessThan,
            "<=" => ThresholdOperator.LessOrEqual,
            "outside" or "outsideRange" => ThresholdOperator.OutsideRange,
            "==" or "=" or "equals" => ThresholdOperator.EqualTo,
            _ => (ThresholdOperator)(-1),
        };
        return Enum.IsDefined(op);
    }

    [SuppressMessage("Style", "IDE0072", Justification = "Every operator is listed.")]
    public static string Spelling(ThresholdOperator op) => op switch
    {
        ThresholdOperator.GreaterThan => ">",
        ThresholdOperator.GreaterOrEqual => ">=",
        ThresholdOperator.LessThan => "<",
        ThresholdOperator.LessOrEqual => "<=",
        ThresholdOperator.OutsideRange => "outside",
        _ => "equals",
    };
}
