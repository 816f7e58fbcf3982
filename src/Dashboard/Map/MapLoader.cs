using System.Text.Json;
using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Map;

/// <summary>
/// Fills the live map at start, before MQTT opens: every registered device from the device catalog (page by page, with
/// its own cursors), every technician, and the open work orders that say which order each technician is on. Registered
/// before ingest, since hosted services start in order; what changes afterwards arrives as deltas and observer calls.
/// </summary>
public sealed partial class MapLoader(
    LiveMap map,
    TechnicianBoard technicians,
    IDeviceCatalog devices,
    IDocumentCatalog documents,
    IWorkOrderCatalog workOrders,
    TimeProvider time,
    ILogger<MapLoader> logger) : IHostedService
{
    private const int PageSize = 1000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var loaded = 0;
        string? cursor = null;
        do
        {
            var page = await devices.ListAsync(new DeviceQuery(Limit: PageSize, Cursor: cursor), cancellationToken);
            loaded += map.Load(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        do
        {
            var page = await documents.ListAsync(DocumentKinds.Technician, PageSize, cursor, cancellationToken);
            foreach (var json in page.Items)
            {
                if (JsonSerializer.Deserialize<TechnicianDefinition>(json, CatalogJson.Options) is { } technician)
                {
                    technicians.Publish(technician);
                }
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        WorkOrderState[] open = [.. Enum.GetValues<WorkOrderState>().Where(TechnicianBoard.IsOpen)];
        do
        {
            var page = await workOrders.ListAsync(new WorkOrderQuery(States: open, Limit: PageSize, Cursor: cursor), cancellationToken);
            foreach (var order in page.Items)
            {
                technicians.Load(order);
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);

        LogLoaded(loaded, technicians.Count, time.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Live map loaded: {Devices} devices, {Technicians} technicians in {Milliseconds:F0} ms")]
    private partial void LogLoaded(int devices, int technicians, double milliseconds);
}
