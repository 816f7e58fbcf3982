using IotService.Dispatch.Costs;
using IotService.Dispatch.Geo;
using IotService.Dispatch.Matching;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Overrides;
using IotService.Dispatch.Receipts;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch;

/// <summary>
/// An immutable snapshot of the technicians with a spatial index and a skill index over them; build one per
/// dispatch round (building is linear in the number of technicians). Safe to use from several threads.
/// </summary>
public sealed class TechnicianPool
{
    /// <summary>Pools up to this size are always scanned whole, so their receipts list every technician.</summary>
    public const int FullScanLimit = 256;

    private readonly Technician[] _technicians;
    private readonly SkillTable _skills;
    private readonly TechnicianGrid _grid;

    private readonly int _fullScanLimit;

    private TechnicianPool(Technician[] technicians, int fullScanLimit)
    {
        _technicians = technicians;
        _fullScanLimit = fullScanLimit;
        _skills = new SkillTable(technicians);
        _grid = TechnicianGrid.Build([.. technicians.Select(t => t.Location)]);
    }

    public int Count => _technicians.Length;

    public IReadOnlyList<Technician> Technicians => Array.AsReadOnly(_technicians);

    /// <summary>Throws <see cref="ArgumentException"/> for a missing id, a duplicate id, an invalid location or missing skills.</summary>
    public static TechnicianPool Create(IEnumerable<Technician> technicians) => Create(technicians, FullScanLimit);

    // Tests pass 0 to exercise the spatial search on small fleets.
    internal static TechnicianPool Create(IEnumerable<Technician> technicians, int fullScanLimit)
    {
        ArgumentNullException.ThrowIfNull(technicians);
        var array = technicians.ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in array)
        {
            DispatchValidation.Validate(t);
            if (!ids.Add(t.Id))
            {
                throw new ArgumentException($"Technician '{t.Id}' appears twice.", nameof(technicians));
            }
        }

        return new TechnicianPool(array, fullScanLimit);
    }

    /// <summary>
    /// Dispatches one order: the eligible technician with the least cost (ties: the ordinally smaller id). In a pool
    /// larger than <see cref="FullScanLimit"/>, searches outward from the order through the spatial index and stops
    /// once no unexamined technician can be cheaper, so the choice equals <see cref="DispatchByScan"/>'s.
    /// <paramref name="now"/> carries the hub's local UTC offset: its clock time is what shifts are checked against.
    /// </summary>
    public DispatchReceipt Dispatch(DispatchOrder order, DateTimeOffset now, CostSettings? settings = null)
    {
        if (_technicians.Length <= _fullScanLimit)
        {
            return DispatchByScan(order, now, settings);
        }

        var context = ContextFor(order, now, settings);
        var run = new CandidateRun(_technicians, _skills, context);
        var search = _grid.Search(order.Location);
        var ring = new List<int>();
        double? bound = null;
        while (_technicians.Length > 0)
        {
            ring.Clear();
            search.AddRing(ring);
            foreach (var t in ring)
            {
                run.Consider(t);
            }

            if (search.Complete)
            {
                break;
            }

            if (run.HasBest)
            {
                var lowerBound = context.Cost.LowerBound(search.UnexaminedLowerBoundKm());
                if (lowerBound > run.BestTotal)
                {
                    bound = lowerBound;
                    break;
                }
            }
        }

        return run.Receipt(run.BestTechnician, _technicians.Length, bound);
    }

    /// <summary>The same decision as <see cref="Dispatch"/> by examining every technician: the receipt lists everyone.</summary>
    public DispatchReceipt DispatchByScan(DispatchOrder order, DateTimeOffset now, CostSettings? settings = null)
    {
        var context = ContextFor(order, now, settings);
        var run = new CandidateRun(_technicians, _skills, context);
        for (var t = 0; t < _technicians.Length; t++)
        {
            run.Consider(t);
        }

        return run.Receipt(run.BestTechnician, _technicians.Length, null);
    }

    /// <summary>
    /// Assigns waiting orders jointly: as many orders as possible, each to a different eligible technician (one order
    /// per technician per solve), at the least total cost. With <paramref name="includeReceipts"/>, every order also
    /// gets a receipt listing every technician (eligible ones given to another order are rejected as assigned elsewhere).
    /// </summary>
    public JointDispatchResult Solve(
        IReadOnlyList<DispatchOrder> orders, DateTimeOffset now, CostSettings? settings = null, bool includeReceipts = false)
    {
        var contexts = ContextsFor(orders, now, settings);
        var joint = new JointAssignment(_technicians, _skills, contexts);
        var result = joint.Solve();
        if (!includeReceipts)
        {
            return result;
        }

        return result with { Receipts = [.. contexts.Select((c, i) => joint.Receipt(i))] };
    }

    /// <summary>
    /// Prices a dispatcher's override: what giving <paramref name="orderId"/> to <paramref name="technicianId"/> costs
    /// against the joint plan of <paramref name="orders"/>, by solving them twice with the same costs — as the solver
    /// would (with the order held on <paramref name="heldBy"/>, its current technician, if it has one), and with the
    /// order pinned to the chosen technician — and comparing. The pin is priced even when the technician is not
    /// eligible (the quote says why not); no other order may take the pinned technician in the pinned plan.
    /// </summary>
    public OverrideQuote Quote(
        IReadOnlyList<DispatchOrder> orders, string orderId, string technicianId, DateTimeOffset now,
        CostSettings? settings = null, string? heldBy = null)
    {
        var contexts = ContextsFor(orders, now, settings);
        var order = Array.FindIndex(contexts, c => c.Order.Id == orderId);
        if (order < 0)
        {
            throw new ArgumentException($"Order '{orderId}' is not among the orders.", nameof(orderId));
        }

        return new OverridePricing(_technicians, _skills, contexts).Quote(
            order, IndexOf(technicianId, nameof(technicianId)), heldBy is null ? null : IndexOf(heldBy, nameof(heldBy)));
    }

    private int IndexOf(string technicianId, string parameter)
    {
        var index = Array.FindIndex(_technicians, t => t.Id == technicianId);
        return index >= 0 ? index : throw new ArgumentException($"No technician '{technicianId}' in the pool.", parameter);
    }

    private OrderContext[] ContextsFor(IReadOnlyList<DispatchOrder> orders, DateTimeOffset now, CostSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var contexts = new OrderContext[orders.Count];
        for (var i = 0; i < orders.Count; i++)
        {
            contexts[i] = ContextFor(orders[i], now, settings);
            if (!ids.Add(orders[i].Id))
            {
                throw new ArgumentException($"Order '{orders[i].Id}' appears twice.", nameof(orders));
            }
        }

        return contexts;
    }

    private OrderContext ContextFor(DispatchOrder order, DateTimeOffset now, CostSettings? settings)
    {
        DispatchValidation.Validate(order);
        settings ??= CostSettings.Default;
        settings.Validate();
        return new OrderContext(order, _skills.IdOf(order.Skill), now, settings);
    }
}
