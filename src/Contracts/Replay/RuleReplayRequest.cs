using IotService.Contracts.Models;

namespace IotService.Contracts.Replay;

/// <summary>
/// Body of <c>POST /api/device-models/{id}/rules/replay</c>: either <see cref="Rule"/> (a new or edited rule, checked
/// as a model save checks it) or <see cref="RuleId"/> (one of the model's stored rules, enabled or not), over
/// [<see cref="From"/>, <see cref="To"/>) (default: now) for every device of the model or only <see cref="DeviceIds"/>.
/// <see cref="MaxFirings"/> bounds how many firings are listed (default 1000, at most 10000); counts are always exact.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleReplayRequest(
    [property: Id(0)] RuleDefinition? Rule = null,
    [property: Id(1)] string? RuleId = null,
    [property: Id(2)] DateTimeOffset? From = null,
    [property: Id(3)] DateTimeOffset? To = null,
    [property: Id(4)] IReadOnlyList<string>? DeviceIds = null,
    [property: Id(5)] int? MaxFirings = null);
