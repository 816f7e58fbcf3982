using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using IotService.Contracts.Models;

namespace IotService.Ingest.Payloads;

/// <summary>
/// The properties a device model declares, the range each one's values must lie in, and what to do with
/// undeclared ones. Built once per model version and shared by all parses; immutable and thread-safe.
/// </summary>
public sealed class PropertySchema
{
    // Span lookup: the parser matches names in the payload without allocating a string for each value.
    // The value repeats the key because a frozen dictionary's span lookup does not hand back the key instance.
    private readonly FrozenDictionary<string, (string Name, PropertyRange Range)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private PropertySchema(FrozenDictionary<string, (string Name, PropertyRange Range)> properties, UnknownPropertyPolicy policy)
    {
        _lookup = properties.GetAlternateLookup<ReadOnlySpan<char>>();
        Names = properties.Keys.ToFrozenSet(StringComparer.Ordinal);
        UnknownPropertyPolicy = policy;
    }

    /// <summary>The declared names (case-sensitive).</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>What happens to a reading that carries a name not in <see cref="Names"/>.</summary>
    public UnknownPropertyPolicy UnknownPropertyPolicy { get; }

    /// <summary>Creates a schema without ranges; duplicate names collapse into one.</summary>
    /// <exception cref="ArgumentException">A name is null or empty, or the policy is not a defined value.</exception>
    public static PropertySchema Create(IEnumerable<string> names, UnknownPropertyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(names);
        return Create(names.Select(name => (name, PropertyRange.Unbounded)), policy);
    }

    /// <summary>Creates a schema from a model's property definitions, with their <c>min</c>/<c>max</c> as ranges; for a duplicate name the last definition wins.</summary>
    /// <exception cref="ArgumentException">A name is null or empty, or the policy is not a defined value.</exception>
    public static PropertySchema FromDefinitions(IEnumerable<PropertyDefinition> properties, UnknownPropertyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return Create(properties.Select(p => (p.Name, PropertyRange.Of(p.Min, p.Max))), policy);
    }

    /// <summary>
    /// Finds the declared name equal to <paramref name="name"/> and its range. The same string instance is returned
    /// for every match, so readings share it and callers may compare names by reference.
    /// </summary>
    internal bool TryGetDeclared(ReadOnlySpan<char> name, [NotNullWhen(true)] out string? declared, out PropertyRange range)
    {
        bool found = _lookup.TryGetValue(name, out var property);
        (declared, range) = property;
        return found;
    }

    private static PropertySchema Create(IEnumerable<(string Name, PropertyRange Range)> properties, UnknownPropertyPolicy policy)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown property policy.");
        }

        var map = new Dictionary<string, (string, PropertyRange)>(StringComparer.Ordinal);
        foreach (var (name, range) in properties)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("Property names must be non-empty.", nameof(properties));
            }

            map[name] = (map.TryGetValue(name, out var first) ? first.Item1 : name, range);
        }

        return new PropertySchema(map.ToFrozenDictionary(StringComparer.Ordinal), policy);
    }
}
