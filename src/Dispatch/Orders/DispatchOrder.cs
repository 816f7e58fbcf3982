using IotService.Dispatch.Geo;

namespace IotService.Dispatch.Orders;

/// <summary>
/// A work order waiting for a technician: where, which skill at which minimum level, the SLA due time (null: no SLA),
/// the parts it needs (part → count) and the technicians who declined it and must not be offered it again.
/// </summary>
public sealed record DispatchOrder(
    string Id,
    LatLon Location,
    string Skill,
    int Level = 1,
    DateTimeOffset? DueAt = null,
    IReadOnlyDictionary<string, int>? Parts = null,
    IReadOnlyCollection<string>? ExcludedTechnicianIds = null);
