using System.Globalization;
using IotService.Dispatch.Costs;
using IotService.Dispatch.Receipts;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Matching;

/// <summary>Collects the technicians examined for one order, tracks the cheapest eligible one and writes the receipt.</summary>
internal sealed class CandidateRun(IReadOnlyList<Technician> technicians, SkillTable skills, OrderContext context)
{
    private readonly List<Candidate> _examined = [];
    private int _best = -1;

    public bool HasBest => _best >= 0;

    public double BestTotal => _examined[_best].Total;

    public int BestTechnician => HasBest ? _examined[_best].Index : -1;

    public int Examined => _examined.Count;

    public void Consider(int index)
    {
        var technician = technicians[index];
        var reason = context.Check(technician, skills.LevelOf(index, context.SkillId));
        var km = technician.Location.DistanceKmTo(context.Order.Location);
        if (reason is not null)
        {
            _examined.Add(new Candidate(index, reason, km, false, 0));
            return;
        }

        var carries = context.Cost.CarriesParts(technician);
        var candidate = new Candidate(index, null, km, carries, context.Cost.Total(km, carries));
        _examined.Add(candidate);
        if (_best < 0 || Cheaper(candidate, _examined[_best]))
        {
            _best = _examined.Count - 1;
        }
    }

    /// <summary>
    /// The receipt with <paramref name="chosen"/> (a technician index or −1) as the decision. Eligible technicians
    /// that <paramref name="assignedOrder"/> maps to another order are rejected as assigned elsewhere.
    /// </summary>
    public DispatchReceipt Receipt(int chosen, int poolSize, double? unexaminedCostAtLeast, Func<int, string?>? assignedOrder = null)
    {
        var eligible = _examined.Where(c => c.Reason is null).ToList();
        eligible.Sort((a, b) => Cheaper(a, b) ? -1 : Cheaper(b, a) ? 1 : 0);
        var ineligible = _examined.Where(c => c.Reason is not null).ToList();
        ineligible.Sort((a, b) => a.DistanceKm != b.DistanceKm
            ? a.DistanceKm.CompareTo(b.DistanceKm)
            : string.CompareOrdinal(technicians[a.Index].Id, technicians[b.Index].Id));

        var chosenCost = chosen >= 0 ? ChosenCost(chosen).Total : (double?)null;
        var rejected = new List<RejectedCandidate>(_examined.Count);
        for (var rank = 0; rank < eligible.Count; rank++)
        {
            var c = eligible[rank];
            if (c.Index == chosen)
            {
                continue;
            }

            var id = technicians[c.Index].Id;
            var breakdown = context.Cost.Breakdown(c.DistanceKm, c.CarriesParts);
            var elsewhere = assignedOrder?.Invoke(c.Index);
            rejected.Add(elsewhere is not null
                ? new RejectedCandidate(id, RejectionReason.AssignedElsewhere, $"assigned to order {elsewhere}", c.DistanceKm, breakdown, rank + 1, elsewhere)
                : new RejectedCandidate(id, RejectionReason.CostRank, CostDetail(c.Total, chosenCost), c.DistanceKm, breakdown, rank + 1));
        }

        foreach (var c in ineligible)
        {
            if (c.Index == chosen)
            {
                continue;
            }

            var technician = technicians[c.Index];
            rejected.Add(new RejectedCandidate(technician.Id, c.Reason!.Value, Detail(technician, c), c.DistanceKm));
        }

        return new DispatchReceipt(
            context.Order.Id,
            chosen >= 0 ? technicians[chosen].Id : null,
            chosen >= 0 ? ChosenCost(chosen) : null,
            rejected,
            context.Now,
            context.Settings,
            poolSize,
            _examined.Count,
            unexaminedCostAtLeast);
    }

    /// <summary>Why the technician may not take the order, in the receipt's words; both null when eligible.</summary>
    public (RejectionReason? Reason, string? Detail) Verdict(int index)
    {
        var technician = technicians[index];
        var reason = context.Check(technician, skills.LevelOf(index, context.SkillId));
        return reason is null ? (null, null) : (reason, Detail(technician, new Candidate(index, reason, 0, false, 0)));
    }

    // A dispatcher may pin an ineligible technician by hand: the receipt still prices the choice.
    private CostBreakdown ChosenCost(int chosen)
    {
        var technician = technicians[chosen];
        return context.Cost.Breakdown(technician.Location.DistanceKmTo(context.Order.Location), context.Cost.CarriesParts(technician));
    }

    // Ties on cost go to the ordinally smaller technician id, so every search path picks the same technician.
    private bool Cheaper(Candidate a, Candidate b) =>
        a.Total < b.Total || (a.Total == b.Total && string.CompareOrdinal(technicians[a.Index].Id, technicians[b.Index].Id) < 0);

    private string Detail(Technician technician, Candidate c)
    {
        var order = context.Order;
        return c.Reason switch
        {
            RejectionReason.Skill => $"does not hold {order.Skill}",
            RejectionReason.Level => string.Create(
                CultureInfo.InvariantCulture, $"{order.Skill} level {skills.LevelOf(c.Index, context.SkillId)}, needs {order.Level}"),
            RejectionReason.Shift => $"off shift ({technician.Shift}) at {context.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture)}",
            RejectionReason.Availability => "unavailable",
            RejectionReason.Workload => string.Create(
                CultureInfo.InvariantCulture, $"{technician.OpenOrders} open orders, limit {technician.WorkloadLimit}"),
            RejectionReason.Excluded => "declined this order",
            _ => c.Reason.ToString()!,
        };
    }

    private static string CostDetail(double total, double? chosen) => chosen is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"cost {total:0.0} min, chosen {c:0.0} min")
        : string.Create(CultureInfo.InvariantCulture, $"cost {total:0.0} min");
}
