using IotService.Contracts.Devices;
using IotService.Contracts.Technicians;
using IotService.Dashboard.Live;

namespace IotService.Dashboard.Map;

public static class MapHostingExtensions
{
    /// <summary>
    /// The live map (section <c>Map</c>): the device grains' deltas and the technician grains' changes, the projection
    /// they feed, loaded from the catalogs at start, and the window that fans changes out per viewport. Register it
    /// before ingest: hosted services start in registration order, and the map must be whole before devices connect.
    /// </summary>
    public static IHostApplicationBuilder AddDeviceMap(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddObserver<IDeviceDeltaNotifier, DeviceDeltaNotifier>();
        services.AddObserver<ITechnicianNotifier, TechnicianBoard>();
        services.AddSingleton<IMapClients, HubMapClients>();
        services.AddSingleton<LiveMap>();
        services.AddHostedService<MapLoader>();
        services.AddHostedService<DeviceDeltaService>();
        return builder;
    }
}
