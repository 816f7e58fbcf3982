using System.Globalization;
using System.Text;

namespace IotService.Storage.History.Influx;

/// <summary>
/// Quoting for InfluxQL. Both double-quoted identifiers and single-quoted strings are read by the
/// same scanner, which knows the escapes <c>\\</c>, <c>\"</c>, <c>\'</c> and <c>\n</c> and refuses any other.
/// </summary>
internal static class InfluxQl
{
    /// <summary><c>"name"</c>: any identifier, including dots, dashes, colons, quotes and keywords.</summary>
    public static string Identifier(string name) => Quote(name, '"');

    /// <summary><c>'value'</c>: a string literal, e.g. a tag value to compare with.</summary>
    public static string String(string value) => Quote(value, '\'');

    /// <summary>An absolute time: milliseconds since the epoch as a duration literal, e.g. <c>1795428000000ms</c>.</summary>
    public static string Time(long milliseconds) => milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>A duration in whole minutes (InfluxQL has no fractional durations).</summary>
    public static string Minutes(TimeSpan duration) => ((long)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m";

    private static string Quote(string text, char quote)
    {
        var builder = new StringBuilder(text.Length + 8).Append(quote);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                _ when c == quote => builder.Append('\\').Append(c),
                _ => builder.Append(c),
            };
        }

        return builder.Append(quote).ToString();
    }
}
