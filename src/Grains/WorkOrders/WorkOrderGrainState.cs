using IotService.Contracts.WorkOrders;

namespace IotService.Grains.WorkOrders;

/// <summary>Persistent state of a work-order grain: the order, or null before it is created.</summary>
[GenerateSerializer]
public sealed class WorkOrderGrainState
{
    [Id(0)] public WorkOrder? Order { get; set; }

    /// <summary>The latest dispatch decision as JSON (its shape belongs to src/Dispatch), for <c>GET …/dispatch</c>.</summary>
    [Id(1)] public string? DispatchReceiptJson { get; set; }
}
