using IotService.Dashboard.Auth;
using IotService.Dashboard.Cluster;
using IotService.Dashboard.Demo;
using IotService.Dashboard.Devices;
using IotService.Dashboard.Health;
using IotService.Dashboard.Hosting;
using IotService.Dashboard.Hosting.Http;
using IotService.Dashboard.Live;
using IotService.Dashboard.Map;
using IotService.Dashboard.WebApp;
using IotService.Grains;
using IotService.Ingest;
using IotService.Storage;

namespace IotService.Dashboard;

/// <summary>
/// The hub: Orleans silo, MQTT, REST and SignalR in one process, each area adding itself (SPEC §1). Built here rather
/// than in Program.cs so tests can start real hubs in-process with their own ports and data.
/// </summary>
public static class HubApplication
{
    public static WebApplication Build(string[] args)
    {
        // Content root = the build output, so appsettings.json is found whatever the working
        // directory; relative paths such as Storage:Path stay relative to where the hub is started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var describingOnly = BuildTimeDescription.IsRunning;
        if (describingOnly)
        {
            BuildTimeDescription.UseScratchStorage(builder);
        }

        // Hosted services start in this order: stores and silo first, the device directory and the live map filled before MQTT opens.
        builder.AddStorage();
        builder.AddGrainServices();
        builder.AddHubSilo();
        builder.AddDevices();
        builder.AddDeviceMap();
        builder.AddIngest();
        builder.AddHubAuth();
        builder.AddHttpSecurity();
        builder.AddHubApi();
        builder.AddLiveUpdates();
        builder.AddHubCluster();
        builder.AddWebApp();
        builder.AddHubHealthChecks();
        builder.AddDemo();
        if (describingOnly)
        {
            BuildTimeDescription.WithoutBackgroundServices(builder);
        }

        var app = builder.Build();
        if (!describingOnly)
        {
            StorageFolder.Secure(app.Services);
        }

        app.UseHubPipeline();
        app.MapHubEndpoints();
        return app;
    }
}
