using System.Globalization;

namespace IotService.Dispatch.Technicians;

/// <summary>
/// Daily working hours in the hub's local time: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.
/// A window with <c>End &lt; Start</c> crosses midnight (22:00–06:00); <c>Start == End</c> means all day.
/// </summary>
public readonly record struct ShiftWindow(TimeOnly Start, TimeOnly End)
{
    private static readonly string[] Formats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    public bool Contains(TimeOnly localTime)
    {
        if (Start < End)
        {
            return localTime >= Start && localTime < End;
        }

        return Start == End || localTime >= Start || localTime < End;
    }

    /// <summary>Parses the contract's "HH:mm" (or "HH:mm:ss") strings.</summary>
    public static ShiftWindow Parse(string start, string end) =>
        TryParse(start, end, out var window) ? window : throw new FormatException($"A shift is two times of day such as 08:00 and 18:00, not '{start}' and '{end}'.");

    public static bool TryParse(string? start, string? end, out ShiftWindow window)
    {
        window = default;
        if (!TimeOnly.TryParseExact(start, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(end, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return false;
        }

        window = new ShiftWindow(from, to);
        return true;
    }

    public override string ToString() =>
        Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + End.ToString("HH:mm", CultureInfo.InvariantCulture);
}
