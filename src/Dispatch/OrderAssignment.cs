using IotService.Dispatch.Costs;

namespace IotService.Dispatch;

/// <summary>One order given to one technician by a joint solve; <see cref="Cost"/> is the breakdown's total, in minutes.</summary>
public sealed record OrderAssignment(string OrderId, string TechnicianId, double Cost, CostBreakdown Breakdown);
