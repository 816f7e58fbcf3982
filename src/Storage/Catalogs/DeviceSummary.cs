using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Storage.Catalogs;

/// <summary>
/// The row a device grain writes to the relational store whenever it changes meaningfully.
/// Filtered columns (model, customer, status, severity, activation code) are real indexed columns.
/// <see cref="DueAt"/> is when the device's clock rules (no data, escalation) must next be evaluated; null for never.
/// </summary>
public sealed record DeviceSummary(
    string Id,
    string? Name,
    string ModelId,
    string? CustomerId,
    DeviceStatus Status,
    Severity Severity,
    double? Lat,
    double? Lon,
    DateTimeOffset? LastSeen,
    DateTimeOffset RegisteredAt,
    string ValuesJson,
    string SecretHash,
    string ActivationCode,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DueAt = null)
{
    /// <summary>The name of <see cref="CustomerId"/>'s customer, filled in by list queries only (it is not part of the row).</summary>
    public string? CustomerName { get; init; }
}
