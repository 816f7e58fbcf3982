using BenchmarkDotNet.Attributes;
using IotService.Dispatch;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Overrides;
using IotService.Dispatch.Technicians;

namespace IotService.Benchmarks.Dispatch;

/// <summary>
/// Pricing a dispatcher's override (issue 16): what the hub computes per quote once it has read the open orders and the
/// fleet — build the pool, solve the open orders, solve them again with one order pinned to another technician, compare.
/// The pinned technician is the order's second cheapest eligible one (the usual drag target), or for
/// <see cref="QuotePlanned"/> the planned one (one solve). Catalog reads and HTTP are not included: see docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
public class OverrideQuoteBenchmarks
{
    private List<Technician> _technicians = [];
    private List<DispatchOrder> _orders = [];
    private string _order = "";
    private string _planned = "";
    private string _other = "";

    [Params("50x30", "200x100")]
    public string Size { get; set; } = "50x30";

    [GlobalSetup]
    public void Setup()
    {
        var (orders, technicians) = Size switch
        {
            "50x30" => (50, 30),
            _ => (200, 100),
        };
        var fleet = new CityFleet(16);
        _technicians = fleet.Technicians(technicians);
        _orders = fleet.Orders(orders);
        var pool = TechnicianPool.Create(_technicians);
        var plan = pool.Solve(_orders, CityFleet.Now, includeReceipts: true);
        // An order the plan assigns, with at least one other eligible technician to drag it to.
        var receipt = plan.Receipts!.First(r => r.TechnicianId is not null && r.Rejected.Any(c => c.Cost is not null));
        _order = receipt.OrderId;
        _planned = receipt.TechnicianId!;
        _other = receipt.Rejected.First(c => c.Cost is not null).TechnicianId;
        var quote = Quote(_other);
        Console.WriteLine(
            $"// {Size}: plan assigns {plan.Assignments.Count}/{orders}; quote {_order} → {_other} (planned {_planned}): " +
            $"Δcost {quote.CostDelta:F3} min, Δtravel {quote.ExtraTravelMinutes:F3} min, {quote.Changes.Count} orders change");
    }

    [Benchmark(Description = "quote: pin to another technician (pool + 2 solves + receipt)")]
    public OverrideQuote QuoteOther() => Quote(_other);

    [Benchmark(Description = "quote: pin to the planned technician (pool + 1 solve + receipt)")]
    public OverrideQuote QuotePlanned() => Quote(_planned);

    [Benchmark(Description = "the round's own solve of the same orders, for scale")]
    public JointDispatchResult Solve() => TechnicianPool.Create(_technicians).Solve(_orders, CityFleet.Now);

    private OverrideQuote Quote(string technicianId) =>
        TechnicianPool.Create(_technicians).Quote(_orders, _order, technicianId, CityFleet.Now);
}
