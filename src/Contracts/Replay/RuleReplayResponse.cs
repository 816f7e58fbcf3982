using IotService.Contracts.Models;

namespace IotService.Contracts.Replay;

/// <summary>
/// What the rule would have done over [<see cref="From"/>, <see cref="To"/>): <see cref="FiringCount"/> alarms raised
/// (exact), on <see cref="DevicesFiring"/> of the <see cref="DevicesScanned"/> devices. <see cref="Firings"/> lists the
/// earliest ones by raise time; <see cref="Truncated"/> says some were left out. <see cref="PerDevice"/> lists every
/// device that fired, most firings first.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleReplayResponse(
    [property: Id(0)] string ModelId,
    [property: Id(1)] string RuleId,
    [property: Id(2)] RuleDefinition Rule,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To,
    [property: Id(5)] int DevicesScanned,
    [property: Id(6)] int Readings,
    [property: Id(7)] int FiringCount,
    [property: Id(8)] int DevicesFiring,
    [property: Id(9)] IReadOnlyList<ReplayFiring> Firings,
    [property: Id(10)] bool Truncated,
    [property: Id(11)] IReadOnlyList<DeviceFirings> PerDevice);
