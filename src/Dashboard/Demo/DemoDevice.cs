using IotService.Contracts.Common;

namespace IotService.Dashboard.Demo;

/// <summary>One simulated device: what it is registered as, where it stands, and the seed of its signals.</summary>
public sealed record DemoDevice(
    string Id,
    string Name,
    string ModelId,
    string CustomerId,
    string City,
    GeoPoint Location,
    TimeSpan UtcOffset,
    ulong Seed);
