using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Dispatch.Geo;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;
using DispatchTechnician = IotService.Dispatch.Technicians.Technician;

namespace IotService.Dashboard.Dispatching;

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
            t.Location is { } at ? new LatLon(at.Lat, at.Lon) : t.HomeBase is { } home ? new LatLon(home.Lat, home.Lon) : default,
            (t.Skills ?? []).Where(s => s?.Skill is not null)
                .GroupBy(s => s.Skill, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(s => s.Level), StringComparer.Ordinal),
            readableShift ? shift : null,
            t.Available && (t.Location ?? t.HomeBase) is not null && (t.Shift is null || readableShift),
            t.WorkloadLimit,
            openOrders,
            t.VanStock);
    }

    public static DispatchOrder Order(WorkOrder o) => new(
        o.Id,
        o.Location is { } at ? new LatLon(at.Lat, at.Lon) : default,
        o.Skill,
        o.Level,
        o.DueAt,
        null,
        o.ExcludedTechnicians);
}
