using IotService.Dispatch.Costs;
using IotService.Dispatch.Receipts;

namespace IotService.Dispatch.Overrides;

/// <summary>
/// What giving one order to one technician costs against the solver's plan (<see cref="TechnicianPool.Quote"/>):
/// <see cref="Plan"/> is the joint solve as the solver would make it, <see cref="PinnedPlan"/> the same problem re-solved
/// with the order held on <see cref="TechnicianId"/>. <see cref="Reason"/> and <see cref="Detail"/> say, in the receipt's
/// words, why the solver would not have made that pair (null when it is eligible); the pair is priced anyway.
/// <see cref="Changes"/> lists every order whose technician differs between the two plans, this one included;
/// <see cref="Receipt"/> is this order's receipt under the pinned plan.
/// </summary>
public sealed record OverrideQuote(
    string OrderId,
    string TechnicianId,
    string? PlannedTechnicianId,
    RejectionReason? Reason,
    string? Detail,
    CostBreakdown Cost,
    CostBreakdown? PlannedCost,
    JointDispatchResult Plan,
    JointDispatchResult PinnedPlan,
    IReadOnlyList<PlanChange> Changes,
    DispatchReceipt Receipt)
{
    public bool Feasible => Reason is null;

    /// <summary>Pinned plan's total cost minus the plan's, in minutes (both sum their assigned orders).</summary>
    public double CostDelta => PinnedPlan.TotalCost - Plan.TotalCost;

    /// <summary>Travel minutes of the whole pinned plan minus the plan's: this order's detour and every knock-on move.</summary>
    public double ExtraTravelMinutes => Travel(PinnedPlan) - Travel(Plan);

    public static double Travel(JointDispatchResult plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Assignments.Sum(a => a.Breakdown.TravelMinutes);
    }
}
