using System.Globalization;

namespace IotService.Benchmarks.Cli;

/// <summary>
/// <c>--key value</c> pairs and bare <c>--flag</c>s of one verb. A key may repeat (<c>--hub-arg A=1 --hub-arg B=2</c>);
/// a single-valued lookup takes the last. Numbers are read in the invariant culture, whatever the machine's.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    /// <param name="args">The arguments after the verb.</param>
    /// <param name="flags">Keys (without <c>--</c>) that take no value.</param>
    public static Arguments Parse(string[] args, params string[] flags)
    {
        var line = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            var key = args[i][2..];
            var value = flags.Contains(key) ? "true"
                : i + 1 < args.Length ? args[++i]
                : throw new ArgumentException($"--{key} needs a value.");
            if (!line._values.TryGetValue(key, out var list))
            {
                line._values[key] = list = [];
            }

            list.Add(value);
        }

        return line;
    }

    public bool Has(string key) => _values.ContainsKey(key);

    public string? Get(string key) => _values.TryGetValue(key, out var list) ? list[^1] : null;

    public string Get(string key, string fallback) => Get(key) ?? fallback;

    public IReadOnlyList<string> All(string key) => _values.TryGetValue(key, out var list) ? list : [];

    public int Int(string key, int fallback) => Get(key) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public long Long(string key, long fallback) => Get(key) is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string key, double fallback) => Get(key) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
