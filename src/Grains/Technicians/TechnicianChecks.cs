using IotService.Contracts.Common;
using IotService.Contracts.Technicians;
using IotService.Dispatch.Technicians;

namespace IotService.Grains.Technicians;

/// <summary>
/// What a technician must be for dispatch to plan with it; shared by <c>POST /api/technicians</c> and what-if planning.
/// Shifts are read the way dispatch reads them (<see cref="ShiftWindow"/>), so a shift that is accepted can be planned.
/// </summary>
public static class TechnicianChecks
{
    /// <param name="at">The technician's place in the request (<c>technicians[2]</c>), or empty for a body of its own.</param>
    /// <returns>Each problem as field → message, in a fixed order.</returns>
    public static IEnumerable<KeyValuePair<string, string>> Problems(
        string at, IReadOnlyList<SkillLevel>? skills, GeoPoint? location, Shift? shift, IReadOnlyDictionary<string, int>? vanStock, int workloadLimit)
    {
        var prefix = at.Length == 0 ? "" : at + ".";
        if (skills is not { Count: > 0 })
        {
            yield return new(prefix + "skills", "at least one skill");
        }

        if (skills is not null && !skills.All(s => s is not null && !string.IsNullOrWhiteSpace(s.Skill) && s.Level is >= 1 and <= 5))
        {
            yield return new(prefix + "skills", "each skill has a name and a level from 1 to 5");
        }

        if (location is not null && !location.IsValid)
        {
            yield return new(prefix + "location", "lat within ±90, lon within ±180");
        }

        if (shift is not null && !ShiftWindow.TryParse(shift.Start, shift.End, out _))
        {
            yield return new(prefix + "shift", "start and end as times of day, such as 08:00 and 18:00");
        }

        if (vanStock is not null && !vanStock.All(p => !string.IsNullOrWhiteSpace(p.Key) && p.Value is >= 0 and <= 100_000))
        {
            yield return new(prefix + "vanStock", "part names with counts from 0 to 100000");
        }

        if (workloadLimit is not (>= 1 and <= 1000))
        {
            yield return new(prefix + "workloadLimit", "1 to 1000 open orders");
        }
    }
}
