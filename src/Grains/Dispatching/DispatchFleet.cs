using IotService.Dispatch.Technicians;

namespace IotService.Grains.Dispatching;

/// <summary>
/// The technicians as dispatch sees them, and the ids of those with no known position (neither a location nor a home
/// base): dispatch counts them unavailable and nothing can be priced for them.
/// </summary>
public sealed record DispatchFleet(IReadOnlyList<Technician> Technicians, IReadOnlySet<string> WithoutPosition);
