using System.Globalization;

namespace IotService.Rules.Kinds;

/// <summary>How explanations write numbers: invariant, at most three decimals, no trailing zeros.</summary>
public static class ExplanationText
{
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
