using IotService.Dashboard.Auth;
using IotService.Dashboard.Demo;
using IotService.Dashboard.Devices;
using IotService.Dashboard.Dispatching;
using IotService.Dashboard.Health;
using IotService.Dashboard.Hosting;
using IotService.Dashboard.Hosting.Http;
using IotService.Dashboard.Live;
using IotService.Grains;
using IotService.Storage;
using IotService.Storage.GrainState;
using IotService.Storage.GrainState.Sqlite;
using IotService.Storage.Sqlite;
using IotService.Ingest;
using IotService.Storage.History;
using IotService.Ingest.HistoryWriting;

namespace IotService.Dashboard;

/// <summary>
/// The hub: Orleans silo, MQTT, REST and (later) the web UI in one process. Built here rather
/// than in Program.cs so tests can start real hubs in-process with their own ports and data.
/// </summary>
public static class HubApplication
{
    public static WebApplication Build(string[] args)
    {
        // Content root = the build output, so appsettings.json is found whatever the working
        // directory; relative paths such as Storage:Path stay relative to where the hub is started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddGrainServices();
        builder.AddHubSilo();

        // Hosted services start in this order: the directory is filled before MQTT accepts devices.
        builder.Services.AddHostedService<DirectorySync>();
        builder.AddStorage();
        builder.AddIngest();
        builder.AddHubAuth();
        builder.AddHttpSecurity();
        builder.AddHubApi();
        builder.AddLiveUpdates();
        builder.AddHubHealthChecks();
        builder.AddDemo();

        var app = builder.Build();
        StorageFolder.Secure(app.Services);
        var api = app.MapHubApi();
        app.MapLiveUpdates();
        api.MapDispatchApi();
        return app;
    }
}
