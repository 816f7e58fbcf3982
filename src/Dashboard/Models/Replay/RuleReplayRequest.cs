using IotService.Contracts.Models;

namespace IotService.Dashboard.Models.Replay;

/// <summary>
/// Body of <c>POST /api/device-models/{id}/rules/replay</c>: either <see cref="Rule"/> (a new or edited rule, checked
/// as a model save checks it) or <see cref="RuleId"/> (one of the model's stored rules, enabled or not), over
/// [<see cref="From"/>, <see cref="To"/>) (default: now) for every device of the model or only <see cref="DeviceIds"/>.
/// <see cref="MaxFirings"/> bounds how many firings are listed (default 1000, at most 10000); counts are always exact.
/// </summary>
public sealed record RuleReplayRequest(
    RuleDefinition? Rule = null,
    string? RuleId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    IReadOnlyList<string>? DeviceIds = null,
    int? MaxFirings = null);
