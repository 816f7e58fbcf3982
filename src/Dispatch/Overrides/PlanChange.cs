using IotService.Dispatch.Costs;

namespace IotService.Dispatch.Overrides;

/// <summary>
/// One order whose technician differs between the solver's plan and the pinned plan. A null technician means the order
/// has none in that plan; its cost breakdown is then null too.
/// </summary>
public sealed record PlanChange(
    string OrderId,
    string? FromTechnicianId,
    string? ToTechnicianId,
    CostBreakdown? Before,
    CostBreakdown? After);
