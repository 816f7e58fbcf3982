using IotService.Contracts.Models;
using IotService.Rules.Replay;

namespace IotService.Dashboard.Models.Replay;

/// <summary>
/// What the rule would have done over [<see cref="From"/>, <see cref="To"/>): <see cref="FiringCount"/> alarms raised
/// (exact), on <see cref="DevicesFiring"/> of the <see cref="DevicesScanned"/> devices. <see cref="Firings"/> lists the
/// earliest ones by raise time; <see cref="Truncated"/> says some were left out. <see cref="PerDevice"/> lists every
/// device that fired, most firings first.
/// </summary>
public sealed record RuleReplayResponse(
    string ModelId,
    string RuleId,
    RuleDefinition Rule,
    DateTimeOffset From,
    DateTimeOffset To,
    int DevicesScanned,
    int Readings,
    int FiringCount,
    int DevicesFiring,
    IReadOnlyList<ReplayFiring> Firings,
    bool Truncated,
    IReadOnlyList<DeviceFirings> PerDevice);
