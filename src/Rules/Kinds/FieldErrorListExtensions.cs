namespace IotService.Rules.Kinds;

public static class FieldErrorListExtensions
{
    public static void Require(this List<FieldError> errors, bool condition, string field, string message)
    {
        if (!condition)
        {
            errors.Add(new FieldError(field, message));
        }
    }

    /// <summary>The messages by field, fields in the order first reported: the shape problem details answer with.</summary>
    public static IReadOnlyDictionary<string, string[]> ByField(this IEnumerable<FieldError> errors)
        => errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>The check every kind that watches one property makes of <see cref="RuleSpec.Property"/>.</summary>
    public static void RequireProperty(this List<FieldError> errors, RuleSpec spec)
        => errors.Require(spec.Property is not (null or RuleSpec.AllProperties), "property", "required for this kind");
}
