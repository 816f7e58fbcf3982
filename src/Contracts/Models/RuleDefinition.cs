using IotService.Contracts.Common;

namespace IotService.Contracts.Models;

/// <summary>
/// A rule as a model declares it (SPEC §6). One flat shape for every kind
/// (threshold, nodata, anomaly, forecast); each kind reads the fields it needs.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RuleDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] Severity Severity,
    [property: Id(3)] string? Property = null,
    [property: Id(4)] string? Operator = null,
    [property: Id(5)] double? Value = null,
    [property: Id(6)] double? HighValue = null,
    [property: Id(7)] double? DurationSeconds = null,
    [property: Id(8)] double? ClearValue = null,
    [property: Id(9)] double? Sensitivity = null,
    [property: Id(10)] double? Seconds = null,
    [property: Id(11)] double? Limit = null,
    [property: Id(12)] double? HorizonSeconds = null,
    [property: Id(13)] bool Enabled = true);
