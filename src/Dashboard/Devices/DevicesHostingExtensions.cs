namespace IotService.Dashboard.Devices;

public static class DevicesHostingExtensions
{
    /// <summary>
    /// Device registration for the API, and the ingest directory filled from the catalog before MQTT opens. Register it
    /// before ingest: hosted services start in registration order.
    /// </summary>
    public static IHostApplicationBuilder AddDevices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DirectoryWriter>();
        builder.Services.AddSingleton<DeviceRegistrar>();
        builder.Services.AddHostedService<DirectorySync>();
        return builder;
    }
}
