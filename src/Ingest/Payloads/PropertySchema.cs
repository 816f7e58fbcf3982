using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using IotService.Contracts.Models;

namespace IotService.Ingest.Payloads;

/// <summary>
/// The property names a device model declares and what to do with others. Built once per model version and
/// shared by all parses; immutable and thread-safe.
/// </summary>
public sealed class PropertySchema
{
    private readonly FrozenSet<string> _names;

    // Span lookup: the parser matches names in the payload without allocating a string for each value.
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private PropertySchema(FrozenSet<string> names, UnknownPropertyPolicy policy)
    {
        _names = names;
        _lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        UnknownPropertyPolicy = policy;
    }

    /// <summary>The declared names (case-sensitive).</summary>
    public IReadOnlySet<string> Names => _names;

    /// <summary>What happens to a reading that carries a name not in <see cref="Names"/>.</summary>
    public UnknownPropertyPolicy UnknownPropertyPolicy { get; }

    /// <summary>Creates a schema; duplicate names collapse into one.</summary>
    /// <exception cref="ArgumentException">A name is null or empty, or the policy is not a defined value.</exception>
    public static PropertySchema Create(IEnumerable<string> names, UnknownPropertyPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown property policy.");
        }

        var list = new List<string>();
        foreach (string name in names)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("Property names must be non-empty.", nameof(names));
            }

            list.Add(name);
        }

        return new PropertySchema(list.ToFrozenSet(StringComparer.Ordinal), policy);
    }

    /// <summary>
    /// Finds the declared name equal to <paramref name="name"/>. The same string instance is returned for every
    /// match, so readings share it and callers may compare names by reference.
    /// </summary>
    internal bool TryGetDeclaredName(ReadOnlySpan<char> name, [NotNullWhen(true)] out string? declared) =>
        _lookup.TryGetValue(name, out declared);
}
