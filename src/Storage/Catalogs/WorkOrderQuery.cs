using IotService.Contracts.WorkOrders;

namespace IotService.Storage.Catalogs;

/// <summary>Filters of the work-order list; empty or null filters match everything.</summary>
public sealed record WorkOrderQuery(
    IReadOnlyList<WorkOrderState>? States = null,
    string? TechnicianId = null,
    string? DeviceId = null,
    string? CustomerId = null,
    string? AlarmId = null,
    int Limit = 100,
    string? Cursor = null);
