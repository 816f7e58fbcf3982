using System.Text.Json;
using IotService.Contracts.Alarms;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Map;
using IotService.Dashboard.Notifications;
using IotService.Dashboard.Notifications.Webhooks;
using IotService.Dashboard.Users;
using IotService.Dashboard.WorkOrders;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Live;

public static class LiveHostingExtensions
{
    /// <summary>
    /// The map hub (SignalR, with the API's JSON conventions) and what feeds it, each through the observer its owning
    /// grain publishes to: alarm changes from the device grains, sent in-app and as signed webhooks (configuration
    /// sections <c>Notifications</c> and <c>Webhooks</c>); work-order changes from the work-order grains; device deltas
    /// into the map's projection (section <c>Map</c>).
    /// </summary>
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR().AddJsonProtocol();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<IUserChangeListener>(sp => sp.GetRequiredService<LiveConnections>());
        // Derived from the HTTP options rather than configured twice, so hub payloads and API bodies cannot drift apart.
        services.AddOptions<JsonHubProtocolOptions>()
            .Configure<IOptions<JsonOptions>>((hub, http) => hub.PayloadSerializerOptions = new JsonSerializerOptions(http.Value.SerializerOptions));

        services.AddOptions<AlarmNotificationOptions>().BindConfiguration(AlarmNotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddObserver<IAlarmNotifier, AlarmNotifier>();
        services.AddHostedService<AlarmNotificationService>();
        services.AddObserver<IWorkOrderNotifier, WorkOrderNotifier>();
        services.AddHostedService<WorkOrderNotificationService>();
        builder.AddWebhooks();
        builder.AddDeviceMap();
        return builder;
    }

    public static WebApplication MapLiveUpdates(this WebApplication app)
    {
        app.MapHub<MapHub>(MapHub.Path, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization();
        return app;
    }
}
