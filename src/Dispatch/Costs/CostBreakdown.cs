using System.Text.Json.Serialization;

namespace IotService.Dispatch.Costs;

/// <summary>
/// One technician's cost for one order, in minutes: <c>Total = TravelMinutes + LatenessPenalty − PartsBonus</c>.
/// <see cref="LatenessMinutes"/> is how late the technician would arrive (0 when on time or without an SLA).
/// Every field is always written, so the OpenAPI document marks them required (a struct's default constructor would
/// otherwise make them look optional to generated clients).
/// </summary>
public readonly record struct CostBreakdown(
    [property: JsonRequired] double DistanceKm,
    [property: JsonRequired] double TravelMinutes,
    [property: JsonRequired] double LatenessMinutes,
    [property: JsonRequired] double LatenessPenalty,
    [property: JsonRequired] double PartsBonus,
    [property: JsonRequired] double Total);
