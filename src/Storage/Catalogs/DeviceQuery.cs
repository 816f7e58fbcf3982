using IotService.Contracts.Common;
using IotService.Contracts.Devices;

namespace IotService.Storage.Catalogs;

/// <summary>Filters of the device list; empty or null filters match everything. Ordered by id.</summary>
public sealed record DeviceQuery(
    IReadOnlyList<Severity>? Severities = null,
    IReadOnlyList<DeviceStatus>? Statuses = null,
    string? CustomerId = null,
    string? ModelId = null,
    int Limit = 100,
    string? Cursor = null);
