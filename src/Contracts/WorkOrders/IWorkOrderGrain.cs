namespace IotService.Contracts.WorkOrders;

/// <summary>One grain per work order, keyed by work-order id.</summary>
[Alias("IotService.Contracts.WorkOrders.IWorkOrderGrain")]
public interface IWorkOrderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the work order in state <see cref="WorkOrderState.New"/>. Idempotent: if it exists already, the stored
    /// one is returned unchanged, so a caller that retries after a crash never creates two.
    /// </summary>
    [Alias("Create")]
    Task<WorkOrder> CreateAsync(WorkOrder order);

    /// <summary>The work order, or null if none has this id.</summary>
    [Alias("Get")]
    Task<WorkOrder?> GetAsync();

    /// <summary>Takes one step of the lifecycle; an illegal step is refused with the reason and changes nothing.</summary>
    [Alias("Apply")]
    Task<WorkOrderCommandResult> ApplyAsync(WorkOrderCommand command);

    /// <summary>Keeps the receipt of the latest dispatch decision (JSON), replacing the previous one.</summary>
    [Alias("SaveReceipt")]
    Task SaveDispatchReceiptAsync(string json);

    [Alias("GetReceipt")]
    Task<string?> GetDispatchReceiptAsync();
}
