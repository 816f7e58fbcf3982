using IotService.Dispatch.Costs;

namespace IotService.Dispatch.Receipts;

/// <summary>
/// A technician considered for an order and not chosen. <see cref="Cost"/> and <see cref="Rank"/> (1 = cheapest
/// eligible technician listed in the receipt) are set for eligible technicians only; <see cref="AssignedOrderId"/>
/// names the order a joint solve gave the technician instead.
/// </summary>
public sealed record RejectedCandidate(
    string TechnicianId,
    RejectionReason Reason,
    string Detail,
    double DistanceKm,
    CostBreakdown? Cost = null,
    int? Rank = null,
    string? AssignedOrderId = null);
