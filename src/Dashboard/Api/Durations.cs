using System.Globalization;
using System.Text.RegularExpressions;

namespace IotService.Dashboard.Api;

/// <summary>Intervals as InfluxQL writes them: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>, <c>1w</c>.</summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 1_000_000)
        {
            return false;
        }

        duration = match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            "h" => TimeSpan.FromHours(n),
            "d" => TimeSpan.FromDays(n),
            _ => TimeSpan.FromDays(7 * n),
        };
        return true;
    }

    [GeneratedRegex("^([0-9]+)(ms|s|m|h|d|w)$")]
    private static partial Regex Pattern();
}
