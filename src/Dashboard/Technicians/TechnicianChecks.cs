using IotService.Contracts.Common;
using IotService.Contracts.Technicians;
using IotService.Dashboard.Api;
using IotService.Dispatch.Technicians;

namespace IotService.Dashboard.Technicians;

/// <summary>What a technician must be for dispatch to plan with it; shared by <c>POST /api/technicians</c> and what-if planning.</summary>
public static class TechnicianChecks
{
    public static void Check(ValidationErrors errors, string at, IReadOnlyList<SkillLevel>? skills, GeoPoint? location, Shift? shift, IReadOnlyDictionary<string, int>? vanStock, int workloadLimit)
    {
        var prefix = at.Length == 0 ? "" : at + ".";
        errors.Require(skills is { Count: > 0 }, prefix + "skills", "at least one skill");
        errors.Require(skills is null || skills.All(s => s is not null && !string.IsNullOrWhiteSpace(s.Skill) && s.Level is >= 1 and <= 5), prefix + "skills", "each skill has a name and a level from 1 to 5");
        errors.Require(location is null || location.IsValid, prefix + "location", "lat within ±90, lon within ±180");
        errors.Require(shift is null || ShiftWindow.TryParse(shift.Start, shift.End, out _), prefix + "shift", "start and end as times of day, such as 08:00 and 18:00");
        errors.Require(vanStock is null || vanStock.All(p => !string.IsNullOrWhiteSpace(p.Key) && p.Value is >= 0 and <= 100_000), prefix + "vanStock", "part names with counts from 0 to 100000");
        errors.Require(workloadLimit is >= 1 and <= 1000, prefix + "workloadLimit", "1 to 1000 open orders");
    }
}
