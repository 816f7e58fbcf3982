using IotService.Contracts.WorkOrders;

namespace IotService.Grains.WorkOrders;

/// <summary>The published change of one lifecycle step.</summary>
internal static class WorkOrderChanges
{
    /// <summary>
    /// The change of <paramref name="action"/> from <paramref name="before"/> to <paramref name="after"/>; the technician
    /// the step took the order from (a reassignment, decline or time-out) is named so they hear of it too.
    /// </summary>
    public static WorkOrderChange Step(string action, WorkOrder before, WorkOrder after) =>
        new(action, after, before.TechnicianId is { } previous && previous != after.TechnicianId ? previous : null);
}
