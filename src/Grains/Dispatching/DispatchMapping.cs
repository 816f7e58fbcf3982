using IotService.Contracts.Common;
using IotService.Contracts.Dispatching;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Dispatch.Geo;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;
using DispatchTechnician = IotService.Dispatch.Technicians.Technician;

namespace IotService.Grains.Dispatching;

/// <summary>The hub's technicians and work orders as the pure dispatch engine takes them.</summary>
public static class DispatchMapping
{
    /// <remarks>
    /// Records are checked when saved, but one stored before a check existed must not stop every dispatch round: a
    /// shift that cannot be read makes that technician unavailable, and skills without a name are left out.
    /// </remarks>
    public static DispatchTechnician Technician(TechnicianDefinition t, int openOrders)
    {
        var readableShift = ShiftWindow.TryParse(t.Shift?.Start, t.Shift?.End, out var shift);
        return new(
            t.Id,
            At(t.Location ?? t.HomeBase),
            (t.Skills ?? []).Where(s => s?.Skill is not null)
                .GroupBy(s => s.Skill, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(s => s.Level), StringComparer.Ordinal),
            readableShift ? shift : null,
            t.Available && (t.Location ?? t.HomeBase) is not null && (t.Shift is null || readableShift),
            t.WorkloadLimit,
            openOrders,
            t.VanStock);
    }

    public static DispatchOrder Order(WorkOrder o) => new(o.Id, At(o.Location), o.Skill, o.Level, o.DueAt, null, o.ExcludedTechnicians);

    /// <summary>A technician of a what-if plan, read like a stored one (its id doubles as its name).</summary>
    public static DispatchTechnician Technician(SolveTechnician t) => Technician(
        new TechnicianDefinition(t.Id, t.Id, t.Skills ?? [], t.Location, t.Shift, t.VanStock, Available: t.Available, WorkloadLimit: t.WorkloadLimit),
        t.OpenOrders);

    /// <summary>An order of a what-if plan; one without a location is planned at 0°, 0° (as the route always has).</summary>
    public static DispatchOrder Order(SolveOrder o) => new(o.Id, At(o.Location), o.Skill, o.Level, o.DueAt, o.Parts, o.ExcludedTechnicianIds);

    /// <summary>A position as the engine takes it; none is 0°, 0° (callers that must not plan there check first).</summary>
    private static LatLon At(GeoPoint? point) => point is null ? default : new LatLon(point.Lat, point.Lon);
}
