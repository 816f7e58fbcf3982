using System.Text.Json.Serialization;

namespace IotService.Dashboard.Map;

/// <summary>
/// A technician on staff maps: where they are (their last reported location, else their home base; absent when neither is
/// known), whether they take work, and the work order they are on (<see cref="TechnicianBoard"/> decides which).
/// </summary>
public sealed record MapTechnician(
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Lat,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Lon,
    bool Available,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CurrentWorkOrderId);
