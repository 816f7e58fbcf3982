using IotService.Dispatch.Overrides;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Matching;

/// <summary>
/// Prices a dispatcher's override with the joint solver itself: the plan (the order left to the solver, or held on the
/// technician who has it), then the same orders, technicians and costs with the order pinned to the chosen technician.
/// The second solve prefers the plan's pairs on exact ties, so only orders that really move are reported.
/// </summary>
internal sealed class OverridePricing(Technician[] technicians, SkillTable skills, OrderContext[] orders)
{
    public OverrideQuote Quote(int order, int technician, int? heldBy)
    {
        var plan = new JointAssignment(technicians, skills, orders, heldBy is { } held ? new OrderPin(order, held) : null);
        var planResult = plan.Solve();
        var planned = plan.TechnicianOfOrder[order];
        var pinned = plan;
        var pinnedResult = planResult;
        if (planned != technician)
        {
            pinned = new JointAssignment(technicians, skills, orders, new OrderPin(order, technician), [.. plan.TechnicianOfOrder]);
            pinnedResult = pinned.Solve();
        }

        var before = planResult.Assignments.ToDictionary(a => a.OrderId, StringComparer.Ordinal);
        var after = pinnedResult.Assignments.ToDictionary(a => a.OrderId, StringComparer.Ordinal);
        var changes = new List<PlanChange>();
        for (var i = 0; i < orders.Length; i++)
        {
            var from = plan.TechnicianOfOrder[i];
            var to = pinned.TechnicianOfOrder[i];
            if (from != to)
            {
                var id = orders[i].Order.Id;
                changes.Add(new PlanChange(
                    id,
                    from >= 0 ? technicians[from].Id : null,
                    to >= 0 ? technicians[to].Id : null,
                    before.TryGetValue(id, out var b) ? b.Breakdown : null,
                    after.TryGetValue(id, out var a) ? a.Breakdown : null));
            }
        }

        var orderId = orders[order].Order.Id;
        var (reason, detail) = new CandidateRun(technicians, skills, orders[order]).Verdict(technician);
        return new OverrideQuote(
            orderId,
            technicians[technician].Id,
            planned >= 0 ? technicians[planned].Id : null,
            reason,
            detail,
            after[orderId].Breakdown,
            before.TryGetValue(orderId, out var plannedCost) ? plannedCost.Breakdown : null,
            planResult,
            pinnedResult,
            changes,
            pinned.Receipt(order));
    }
}
