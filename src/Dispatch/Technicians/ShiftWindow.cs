using System.Globalization;

namespace IotService.Dispatch.Technicians;

/// <summary>
/// Daily working hours in the hub's local time: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.
/// A window with <c>End &lt; Start</c> crosses midnight (22:00–06:00); <c>Start == End</c> means all day.
/// </summary>
public readonly record struct ShiftWindow(TimeOnly Start, TimeOnly End)
{
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
        new(TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture));

    public override string ToString() =>
        Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + End.ToString("HH:mm", CultureInfo.InvariantCulture);
}
