using IotService.Dispatch.Assignment;
using IotService.Dispatch.Receipts;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Matching;

/// <summary>
/// Builds the orders × technicians cost matrix (columns only for technicians eligible for at least one order;
/// ineligible pairs forbidden) and solves it exactly with <see cref="AssignmentSolver"/>.
/// </summary>
/// <remarks>
/// An <see cref="OrderPin"/> forces one order onto one technician, eligible or not (a dispatcher's override): that row gets
/// that column only and no other row may use it. The column is the row's alone, so a solve that puts cardinality
/// first always assigns the pinned pair. <c>preferred</c> (a technician index per order, −1 for none) breaks exact ties
/// toward a given plan: those pairs cost <see cref="TieBreakMinutes"/> less in the matrix, so among plans whose costs
/// differ by less than that per order, the solver keeps the given pairs; reported costs are the true ones.
/// </remarks>
internal sealed class JointAssignment(
    Technician[] technicians, SkillTable skills, OrderContext[] orders, OrderPin? pin = null, int[]? preferred = null)
{
    /// <summary>Far below any cost difference that matters (0.06 ms of travel), far above rounding noise in minutes.</summary>
    public const double TieBreakMinutes = 1e-6;

    private readonly int[] _technicianOfOrder = new int[orders.Length];
    private readonly int[] _orderOfTechnician = new int[technicians.Length];

    /// <summary>Order index → technician index after <see cref="Solve"/> (−1: unassigned).</summary>
    public IReadOnlyList<int> TechnicianOfOrder => _technicianOfOrder;

    public JointDispatchResult Solve()
    {
        // Pass 1: eligibility only, recording each order's eligible technicians and numbering the columns.
        var start = new int[orders.Length + 1];
        var eligible = new List<int>();
        var columnOf = new int[technicians.Length];
        Array.Fill(columnOf, -1);
        var columnTechnician = new List<int>();
        for (var i = 0; i < orders.Length; i++)
        {
            start[i] = eligible.Count;
            var order = orders[i];
            if (pin is { } p && p.Order == i)
            {
                Allow(p.Technician);
                continue;
            }

            foreach (var t in skills.Holders(order.SkillId))
            {
                if (t != pin?.Technician && order.Check(technicians[t], skills.LevelOf(t, order.SkillId)) is null)
                {
                    Allow(t);
                }
            }
        }

        void Allow(int t)
        {
            eligible.Add(t);
            if (columnOf[t] < 0)
            {
                columnOf[t] = columnTechnician.Count;
                columnTechnician.Add(t);
            }
        }

        start[orders.Length] = eligible.Count;

        // Pass 2: costs of the eligible pairs.
        var columns = columnTechnician.Count;
        var costs = new double[checked(orders.Length * columns)];
        Array.Fill(costs, double.PositiveInfinity);
        for (var i = 0; i < orders.Length; i++)
        {
            var order = orders[i];
            var location = order.Order.Location;
            for (var e = start[i]; e < start[i + 1]; e++)
            {
                var technician = technicians[eligible[e]];
                var km = technician.Location.DistanceKmTo(location);
                var tieBreak = preferred is not null && preferred[i] == eligible[e] ? TieBreakMinutes : 0;
                costs[i * columns + columnOf[eligible[e]]] = order.Cost.Total(km, order.Cost.CarriesParts(technician)) - tieBreak;
            }
        }

        var solution = AssignmentSolver.Solve(costs, orders.Length, columns);

        Array.Fill(_orderOfTechnician, -1);
        var assignments = new List<OrderAssignment>(solution.AssignedCount);
        var unassigned = new List<string>();
        var total = 0.0;
        for (var i = 0; i < orders.Length; i++)
        {
            var column = solution.ColumnOfRow[i];
            var order = orders[i];
            if (column < 0)
            {
                _technicianOfOrder[i] = -1;
                unassigned.Add(order.Order.Id);
                continue;
            }

            var t = columnTechnician[column];
            _technicianOfOrder[i] = t;
            _orderOfTechnician[t] = i;
            var technician = technicians[t];
            var breakdown = order.Cost.Breakdown(technician.Location.DistanceKmTo(order.Order.Location), order.Cost.CarriesParts(technician));
            assignments.Add(new OrderAssignment(order.Order.Id, technician.Id, breakdown.Total, breakdown));
            total += breakdown.Total;
        }

        // With tie-breaking the matrix is not quite the costs: report the true total. The dual bound of the lowered
        // matrix still bounds the true costs from below (within orders × TieBreakMinutes of the total).
        return new JointDispatchResult(assignments, unassigned, preferred is null ? solution.TotalCost : total, solution.LowerBound);
    }

    /// <summary>Order <paramref name="i"/>'s receipt after <see cref="Solve"/>, examining every technician.</summary>
    public DispatchReceipt Receipt(int i)
    {
        var run = new CandidateRun(technicians, skills, orders[i]);
        for (var t = 0; t < technicians.Length; t++)
        {
            run.Consider(t);
        }

        return run.Receipt(
            _technicianOfOrder[i],
            technicians.Length,
            null,
            t => _orderOfTechnician[t] is var o && o >= 0 && o != i ? orders[o].Order.Id : null);
    }
}
