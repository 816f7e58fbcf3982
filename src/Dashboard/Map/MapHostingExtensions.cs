using IotService.Contracts.Devices;
using IotService.Dashboard.Live;

namespace IotService.Dashboard.Map;

public static class MapHostingExtensions
{
    /// <summary>The device grains' deltas, coalesced per window into the in-memory projection the live map reads (section <c>Map</c>).</summary>
    public static IHostApplicationBuilder AddDeviceMap(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeviceProjection>();
        services.AddObserver<IDeviceDeltaNotifier, DeviceDeltaNotifier>();
        services.AddHostedService<DeviceDeltaService>();
        return builder;
    }
}
