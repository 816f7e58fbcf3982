using IotService.Dispatch.Receipts;

namespace IotService.Dispatch;

/// <summary>
/// A joint minimum-cost assignment of waiting orders (SPEC §5 <c>POST /api/dispatch/solve</c>): the assignments in
/// order of the input, the orders no technician could take, the total cost and its certificate
/// <see cref="LowerBound"/> (the dual objective; equal to <see cref="TotalCost"/> up to rounding at the optimum).
/// <see cref="Receipts"/> holds one receipt per input order when asked for, else null.
/// </summary>
public sealed record JointDispatchResult(
    IReadOnlyList<OrderAssignment> Assignments,
    IReadOnlyList<string> UnassignedOrderIds,
    double TotalCost,
    double LowerBound,
    IReadOnlyList<DispatchReceipt>? Receipts = null);
