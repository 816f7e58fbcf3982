namespace IotService.Contracts.WorkOrders;

/// <summary>
/// Tells people about work-order changes (SignalR <c>workOrder</c>). The work-order grain calls it after every stored
/// change — creation and each step, whoever asked for it (a person over HTTP, the dispatch round, a device grain
/// raising an order from an alarm) — and nothing else does. It must return at once: a slow client must never hold up
/// the order. The web host implements it; a silo without one uses a null implementation.
/// </summary>
[Alias("IotService.Contracts.WorkOrders.IWorkOrderNotifier")]
public interface IWorkOrderNotifier : IGrainObserver
{
    [Alias("Publish")]
    void Publish(WorkOrderChange change);
}
