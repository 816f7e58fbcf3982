namespace IotService.Dispatch.Assignment;

/// <summary>
/// An optimal assignment and its certificate. <see cref="ColumnOfRow"/> gives each row's column, or −1 when the row
/// is unassigned. The assignment first maximises the number of assigned rows, then minimises
/// <see cref="TotalCost"/> among assignments of that size.
/// <para>
/// Certificate: with row duals u (<see cref="RowDuals"/>), column duals v (<see cref="ColumnDuals"/>) and
/// λ = <see cref="UnassignedPenalty"/>: u_i + v_j ≤ c_ij for every allowed pair, with equality on assigned pairs;
/// v_j ≤ 0, and v_j = 0 for unassigned columns; u_i ≤ λ, and u_i = λ for unassigned rows. Then
/// <see cref="LowerBound"/> = Σ u over assigned rows + Σ v is a lower bound on the cost of every assignment of
/// <see cref="AssignedCount"/> rows, and it equals <see cref="TotalCost"/> (up to floating-point rounding).
/// </para>
/// </summary>
public sealed record AssignmentSolution(
    IReadOnlyList<int> ColumnOfRow,
    int AssignedCount,
    double TotalCost,
    double LowerBound,
    IReadOnlyList<double> RowDuals,
    IReadOnlyList<double> ColumnDuals,
    double UnassignedPenalty);
