using IotService.Dispatch.Geo;

namespace IotService.Dispatch.Technicians;

/// <summary>
/// A technician as dispatch sees it at one moment. <paramref name="Location"/> is the current position (the hub
/// falls back to the home base). <paramref name="Skills"/> maps skill → level; <paramref name="Shift"/> null means
/// always on shift. The technician can take another order while <paramref name="OpenOrders"/> is below
/// <paramref name="WorkloadLimit"/>. <paramref name="VanStock"/> maps part → count carried.
/// Skill and part names compare as the given dictionaries compare them.
/// </summary>
public sealed record Technician(
    string Id,
    LatLon Location,
    IReadOnlyDictionary<string, int> Skills,
    ShiftWindow? Shift = null,
    bool Available = true,
    int WorkloadLimit = 5,
    int OpenOrders = 0,
    IReadOnlyDictionary<string, int>? VanStock = null);
