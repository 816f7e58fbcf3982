using IotService.Contracts.Common;

namespace IotService.Contracts.WorkOrders;

/// <summary>
/// A job for a technician at a device. One grain per work order owns it and writes its list row.
/// <see cref="AlarmId"/> links the alarm that raised it (the alarm links back through its WorkOrderId).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WorkOrder(
    [property: Id(0)] string Id,
    [property: Id(1)] WorkOrderType Type,
    [property: Id(2)] WorkOrderState State,
    [property: Id(3)] WorkOrderPriority Priority,
    [property: Id(4)] WorkOrderSource Source,
    [property: Id(5)] string DeviceId,
    [property: Id(6)] string Skill,
    [property: Id(7)] int Level,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] string CreatedBy,
    [property: Id(10)] IReadOnlyList<WorkOrderStep> History,
    [property: Id(11)] DateTimeOffset UpdatedAt)
{
    [Id(12)] public string? CustomerId { get; init; }

    [Id(13)] public string? ModelId { get; init; }

    [Id(14)] public string? AlarmId { get; init; }

    [Id(15)] public string? Description { get; init; }

    [Id(16)] public GeoPoint? Location { get; init; }

    [Id(17)] public string? TechnicianId { get; init; }

    [Id(18)] public DateTimeOffset? DueAt { get; init; }
}
