using IotService.Dispatch.Costs;

namespace IotService.Dispatch.Receipts;

/// <summary>
/// The record of one dispatch decision. <see cref="TechnicianId"/> and <see cref="Cost"/> are null when no technician
/// could take the order. <see cref="Rejected"/> lists every examined technician that was not chosen: eligible ones
/// first by cost rank, then ineligible ones nearest first. A single dispatch examines the technicians around the
/// order until no unexamined one can be cheaper: <see cref="UnexaminedCostAtLeast"/> is then a proven lower bound
/// on the cost of each of the <c>PoolSize − Examined</c> technicians left out (null when every technician was examined).
/// <see cref="Override"/> is set when a dispatcher chose the technician by hand (who, and what it cost against the plan).
/// </summary>
public sealed record DispatchReceipt(
    string OrderId,
    string? TechnicianId,
    CostBreakdown? Cost,
    IReadOnlyList<RejectedCandidate> Rejected,
    DateTimeOffset DecidedAt,
    CostSettings Settings,
    int PoolSize,
    int Examined,
    double? UnexaminedCostAtLeast)
{
    public ManualOverride? Override { get; init; }
}
