using IotService.Contracts.WorkOrders;

namespace IotService.Grains.WorkOrders;

/// <summary>The notifier when the host registers none (grain tests, tools): orders are stored, nobody is told.</summary>
public sealed class NullWorkOrderNotifier : IWorkOrderNotifier
{
    public void Publish(WorkOrderChange change)
    {
    }
}
