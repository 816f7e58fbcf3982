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

    /// <summary>
    /// When the SLA of the customer's tier and the priority wants the job done; a predictive order (from a forecast)
    /// is due sooner if the forecast's earliest crossing comes first. On creation, a value given is kept when earlier than the SLA's.
    /// </summary>
    [Id(18)] public DateTimeOffset? DueAt { get; init; }

    [Id(19)] public DateTimeOffset? AssignedAt { get; init; }

    [Id(20)] public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Technicians who declined (or let the acceptance time out); dispatch does not offer the order to them again.</summary>
    [Id(21)] public IReadOnlyList<string> ExcludedTechnicians { get; init; } = [];

    [Id(22)] public WorkOrderCompletion? Completion { get; init; }

    /// <summary>The customer's rating, 1–5, and comment.</summary>
    [Id(23)] public int? Rating { get; init; }

    [Id(24)] public string? RatingComment { get; init; }

    /// <summary>Completed after <see cref="DueAt"/>, or, while open, already past it (as of the last change or read).</summary>
    [Id(25)] public bool SlaBreached { get; init; }

    /// <summary>The state an on-hold order returns to when resumed.</summary>
    [Id(26)] public WorkOrderState? HeldFrom { get; init; }

    /// <summary>
    /// What the customer is shown instead of <see cref="Description"/> when that one carries a value the model shows to
    /// technicians only (an order raised by an alarm on such a property); null when the description may be shown as is.
    /// </summary>
    [Id(27)] public string? CustomerDescription { get; init; }
}
