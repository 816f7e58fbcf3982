namespace IotService.Dispatch.Costs;

/// <summary>
/// One technician's cost for one order, in minutes: <c>Total = TravelMinutes + LatenessPenalty − PartsBonus</c>.
/// <see cref="LatenessMinutes"/> is how late the technician would arrive (0 when on time or without an SLA).
/// </summary>
public readonly record struct CostBreakdown(
    double DistanceKm,
    double TravelMinutes,
    double LatenessMinutes,
    double LatenessPenalty,
    double PartsBonus,
    double Total);
