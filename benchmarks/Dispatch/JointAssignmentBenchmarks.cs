using BenchmarkDotNet.Attributes;
using IotService.Dispatch;
using IotService.Dispatch.Assignment;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Benchmarks.Dispatch;

/// <summary>
/// Joint assignment of 1,000 waiting orders over 2,000 technicians: the whole <c>Solve</c> (eligibility, cost
/// matrix, exact assignment), the solver alone on a dense matrix where every pair is allowed (and on a square
/// one where every technician is needed), and building a 10,000-technician pool (what the hub pays per dispatch round).
/// </summary>
[MemoryDiagnoser]
public class JointAssignmentBenchmarks
{
    private TechnicianPool _pool = null!;
    private List<DispatchOrder> _orders = [];
    private List<Technician> _fleet = [];
    private double[] _dense = [];
    private double[] _square = [];

    [GlobalSetup]
    public void Setup()
    {
        var fleet = new BenchmarkFleet(7);
        _pool = TechnicianPool.Create(fleet.Technicians(2_000));
        _orders = fleet.Orders(1_000, BenchmarkFleet.Now);
        _fleet = new BenchmarkFleet(8).Technicians(10_000);

        // Dense: every order × technician pair allowed, cost = travel minutes at 60 km/h × 1.3.
        _dense = new double[_orders.Count * _pool.Count];
        for (var i = 0; i < _orders.Count; i++)
        {
            for (var j = 0; j < _pool.Count; j++)
            {
                _dense[i * _pool.Count + j] = _pool.Technicians[j].Location.DistanceKmTo(_orders[i].Location) * 1.3;
            }
        }

        // Square: the first 1,000 technicians for the 1,000 orders, so every technician is needed.
        _square = new double[_orders.Count * _orders.Count];
        for (var i = 0; i < _orders.Count; i++)
        {
            Array.Copy(_dense, i * _pool.Count, _square, i * _orders.Count, _orders.Count);
        }

        var result = _pool.Solve(_orders, BenchmarkFleet.Now);
        Console.WriteLine($"// joint: {result.Assignments.Count} assigned, {result.UnassignedOrderIds.Count} unassigned, total {result.TotalCost:F3}, lower bound {result.LowerBound:F3}");
        var dense = AssignmentSolver.Solve(_dense, _orders.Count, _pool.Count);
        Console.WriteLine($"// dense: {dense.AssignedCount} assigned, total {dense.TotalCost:F3}, lower bound {dense.LowerBound:F3}");
    }

    [Benchmark(Description = "Solve 1,000 orders × 2,000 technicians (eligibility + costs + assignment)")]
    public JointDispatchResult Joint() => _pool.Solve(_orders, BenchmarkFleet.Now);

    [Benchmark(Description = "assignment solver alone, dense 1,000 × 2,000 (every pair allowed)")]
    public AssignmentSolution Dense() => AssignmentSolver.Solve(_dense, _orders.Count, _pool.Count);

    [Benchmark(Description = "assignment solver alone, dense square 1,000 × 1,000 (every technician needed)")]
    public AssignmentSolution Square() => AssignmentSolver.Solve(_square, _orders.Count, _orders.Count);

    [Benchmark(Description = "build a 10,000-technician pool (grid + skill index)")]
    public TechnicianPool BuildPool() => TechnicianPool.Create(_fleet);
}
