namespace IotService.Dispatch.Receipts;

/// <summary>
/// A dispatcher chose the technician by hand (<see cref="By"/>, at <see cref="At"/>) instead of
/// <see cref="PlannedTechnicianId"/>, the solver's choice (null: it had none). The price is the override quote at that
/// moment: <see cref="CostDelta"/> and <see cref="ExtraTravelMinutes"/> against the plan, and the other orders the
/// choice moved. <see cref="Reason"/>/<see cref="Detail"/> say why the solver would not have made the pair (null when it
/// could). The prices are null when the pair could not be priced (<see cref="Unpriced"/> says why).
/// </summary>
public sealed record ManualOverride(
    string By,
    DateTimeOffset At,
    string? PlannedTechnicianId,
    double? CostDelta,
    double? ExtraTravelMinutes,
    IReadOnlyList<string> MovedOrderIds,
    RejectionReason? Reason = null,
    string? Detail = null,
    string? Unpriced = null);
