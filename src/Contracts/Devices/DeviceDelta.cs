using IotService.Contracts.Common;

namespace IotService.Contracts.Devices;

/// <summary>
/// What changed on one device since its grain's previous delta. <see cref="ModelId"/> and <see cref="CustomerId"/> are
/// always set (receivers route and filter by them); every other field is null, or <see cref="Values"/> empty, when it
/// did not change. The first delta of a grain activation is <see cref="Complete"/>: every field set and every last
/// value included, so a receiver that missed earlier deltas (or started after them) is whole again.
/// </summary>
/// <param name="At">When the grain emitted it (hub clock); a later delta of the same device supersedes an earlier one.</param>
[GenerateSerializer, Immutable]
public sealed record DeviceDelta(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string ModelId,
    [property: Id(2)] string? CustomerId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] bool Complete)
{
    private static readonly IReadOnlyDictionary<string, PropertyValue> NoValues = new Dictionary<string, PropertyValue>();

    [Id(5)] public GeoPoint? Location { get; init; }

    [Id(6)] public DeviceStatus? Status { get; init; }

    /// <summary>The worst severity among the device's active alarms (<see cref="Severity.None"/> when none).</summary>
    [Id(7)] public Severity? HighestActiveSeverity { get; init; }

    /// <summary>Receive time of the device's last message (hub clock).</summary>
    [Id(8)] public DateTimeOffset? LastSeen { get; init; }

    /// <summary>The properties that got a new value, each with its value and reading time (property → value).</summary>
    [Id(9)] public IReadOnlyDictionary<string, PropertyValue> Values { get; init; } = NoValues;
}
