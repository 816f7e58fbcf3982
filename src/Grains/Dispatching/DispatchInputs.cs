using System.Text.Json;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Grains.WorkOrders;
using IotService.Storage.Catalogs;
using DispatchTechnician = IotService.Dispatch.Technicians.Technician;

namespace IotService.Grains.Dispatching;

/// <summary>
/// What a dispatch round works on, read afresh from the catalogs: the waiting orders it may place and the fleet with each
/// technician's open orders. The round and the override quote read it the same way, so a quote prices what a round
/// would decide.
/// </summary>
public sealed class DispatchInputs(IWorkOrderCatalog orders, IDocumentCatalog documents)
{
    /// <summary>The most waiting orders one round takes.</summary>
    public const int MaxPerRound = 1000;

    /// <summary>Orders in a waiting state (new, declined) with a location; those without one are left to a dispatcher.</summary>
    public async Task<List<WorkOrder>> WaitingAsync(CancellationToken cancellationToken) =>
        (await orders.ListAsync(new WorkOrderQuery([.. WorkOrderLifecycle.Waiting], Limit: MaxPerRound), cancellationToken)).Items
            .Where(order => order.Location is not null)
            .ToList();

    /// <summary>
    /// Every technician with how many open orders they hold now, not counting <paramref name="leaveOut"/> (an order the
    /// caller re-plans itself).
    /// </summary>
    public async Task<DispatchFleet> FleetAsync(string? leaveOut, CancellationToken cancellationToken)
    {
        var busy = new Dictionary<string, int>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await orders.ListAsync(new WorkOrderQuery([.. WorkOrderLifecycle.Busy], Limit: 1000, Cursor: cursor), cancellationToken);
            foreach (var order in page.Items.Where(o => o.TechnicianId is not null && o.Id != leaveOut))
            {
                busy[order.TechnicianId!] = busy.GetValueOrDefault(order.TechnicianId!) + 1;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var fleet = new List<DispatchTechnician>();
        var unplaced = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await documents.ListAsync(DocumentKinds.Technician, 1000, cursor, cancellationToken);
            foreach (var technician in page.Items.Select(j => JsonSerializer.Deserialize<TechnicianDefinition>(j, CatalogJson.Options)).OfType<TechnicianDefinition>())
            {
                fleet.Add(DispatchMapping.Technician(technician, busy.GetValueOrDefault(technician.Id)));
                if ((technician.Location ?? technician.HomeBase) is null)
                {
                    unplaced.Add(technician.Id);
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return new DispatchFleet(fleet, unplaced);
    }
}
