using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Storage.Catalogs;

/// <summary>
/// Filters of the device list; empty or null filters match everything, and all given filters must hold.
/// <see cref="CustomerId"/> and <see cref="CustomerIds"/> both apply when both are set (callers put a
/// customer's scope in the first and the client's filter in the second).
/// </summary>
public sealed record DeviceQuery(
    IReadOnlyList<Severity>? Severities = null,
    IReadOnlyList<DeviceStatus>? Statuses = null,
    string? CustomerId = null,
    string? ModelId = null,
    int Limit = 100,
    string? Cursor = null)
{
    /// <summary>Any of these customers.</summary>
    public IReadOnlyList<string>? CustomerIds { get; init; }

    /// <summary>Any of these models.</summary>
    public IReadOnlyList<string>? ModelIds { get; init; }

    /// <summary>
    /// Case-insensitive (ASCII letters) substring of the device id, the device name or the customer's name; null or
    /// empty matches everything.
    /// </summary>
    public string? Search { get; init; }

    public DeviceSort Sort { get; init; } = DeviceSort.Id;
}
