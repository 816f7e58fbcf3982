using IotService.Contracts.Alarms;
using IotService.Contracts.Common;

namespace IotService.Storage.Catalogs;

/// <summary>Filters of the alarm list; empty or null filters match everything.</summary>
public sealed record AlarmQuery(
    IReadOnlyList<AlarmState>? States = null,
    IReadOnlyList<Severity>? Severities = null,
    string? DeviceId = null,
    string? CustomerId = null,
    int Limit = 100,
    string? Cursor = null);
