using System.Globalization;
using BenchmarkDotNet.Attributes;
using IotService.Dispatch;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Receipts;

namespace IotService.Benchmarks.Dispatch;

/// <summary>
/// Dispatching one order among 10,000 technicians, receipt included: through the spatial index (the engine's
/// <c>Dispatch</c>) and, for comparison, by scanning every technician. Each call takes the next of 1,000 orders.
/// </summary>
[Config(typeof(PerDispatchConfig))]
[MemoryDiagnoser]
public class SingleDispatchBenchmarks
{
    private TechnicianPool _pool = null!;
    private List<DispatchOrder> _orders = [];
    private int _next;
    private DateTimeOffset _now;

    /// <summary>Local dispatch time: 10:00 (most of the fleet on shift) or 23:00 (only the 10% without a shift).</summary>
    [Params("10:00", "23:00")]
    public string Clock { get; set; } = "10:00";

    [GlobalSetup]
    public void Setup()
    {
        var fleet = new BenchmarkFleet(2026);
        _pool = TechnicianPool.Create(fleet.Technicians(10_000));
        var clock = TimeOnly.Parse(Clock, CultureInfo.InvariantCulture);
        _now = new DateTimeOffset(BenchmarkFleet.Now.Date + clock.ToTimeSpan(), BenchmarkFleet.Now.Offset);
        _orders = fleet.Orders(1_000, _now);

        var receipts = _orders.Select(o => _pool.Dispatch(o, _now)).ToList();
        var examined = receipts.Select(r => r.Examined).Order().ToList();
        Console.WriteLine(
            $"// {Clock}: examined per dispatch: median {examined[examined.Count / 2]}, p99 {examined[examined.Count * 99 / 100]}, " +
            $"max {examined[^1]}; {receipts.Count(r => r.TechnicianId is null)} of {receipts.Count} orders without an eligible technician");
    }

    [Benchmark(Description = "dispatch 1 order among 10,000 technicians (spatial index)")]
    public DispatchReceipt Indexed() => _pool.Dispatch(_orders[_next++ % _orders.Count], _now);

    [Benchmark(Description = "dispatch 1 order among 10,000 technicians (linear scan, full receipt)")]
    public DispatchReceipt Scan() => _pool.DispatchByScan(_orders[_next++ % _orders.Count], _now);
}
