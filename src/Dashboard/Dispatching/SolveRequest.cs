using IotService.Contracts.Common;
using IotService.Contracts.Technicians;
using IotService.Dispatch.Orders;

namespace IotService.Dashboard.Dispatching;

/// <summary>Body of <c>POST /api/dispatch/solve</c> (SPEC §5): technicians as <c>POST /api/technicians</c> takes them, orders, and the cost settings.</summary>
public sealed record SolveRequest(
    IReadOnlyList<SolveTechnician> Technicians,
    IReadOnlyList<DispatchOrder> Orders,
    double? SpeedKmh = null,
    double? RoadFactor = null);

/// <summary>A technician of a what-if plan; <c>openOrders</c> counts against <c>workloadLimit</c>.</summary>
public sealed record SolveTechnician(
    string Id,
    IReadOnlyList<SkillLevel> Skills,
    GeoPoint Location,
    Shift? Shift = null,
    bool Available = true,
    int WorkloadLimit = 5,
    int OpenOrders = 0,
    IReadOnlyDictionary<string, int>? VanStock = null);
