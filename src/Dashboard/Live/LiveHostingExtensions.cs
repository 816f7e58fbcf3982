using System.Text.Json;
using IotService.Contracts.Alarms;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Live.Protocols;
using IotService.Dashboard.Map;
using IotService.Dashboard.Notifications;
using IotService.Dashboard.Notifications.Webhooks;
using IotService.Dashboard.Users;
using IotService.Dashboard.WorkOrders;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Live;

public static class LiveHostingExtensions
{
    /// <summary>
    /// The map hub (SignalR over JSON and MessagePack, with the API's JSON conventions) and the events it pushes, each
    /// through the observer its owning grain publishes to: alarm changes from the device grains, sent in-app and as signed
    /// webhooks (configuration sections <c>Notifications</c> and <c>Webhooks</c>); work-order changes from the work-order
    /// grains. The live map itself (section <c>Map</c>) is added before ingest (<see cref="MapHostingExtensions.AddDeviceMap"/>).
    /// </summary>
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR().AddJsonProtocol().AddMessagePackProtocol();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<IUserChangeListener>(sp => sp.GetRequiredService<LiveConnections>());
        // Derived from the HTTP options rather than configured twice, so hub payloads and API bodies cannot drift apart.
        services.AddOptions<JsonHubProtocolOptions>()
            .Configure<IOptions<JsonOptions>>((hub, http) => hub.PayloadSerializerOptions = new JsonSerializerOptions(http.Value.SerializerOptions));

        // MessagePack carries the JSON shapes (camelCase keys, enum names) rather than MessagePack-CSharp's own, so one client model reads both.
        services.AddOptions<MessagePackHubProtocolOptions>()
            .Configure<IOptions<JsonHubProtocolOptions>>((messagePack, json) => messagePack.SerializerOptions = messagePack.SerializerOptions.WithResolver(
                CompositeResolver.Create(new JsonShapeResolver(json.Value.PayloadSerializerOptions), messagePack.SerializerOptions.Resolver)));

        services.AddOptions<AlarmNotificationOptions>().BindConfiguration(AlarmNotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddObserver<IAlarmNotifier, AlarmNotifier>();
        services.AddHostedService<AlarmNotificationService>();
        // Work-order changes feed both the workOrder events and the technicians' current orders on the map.
        services.AddSingleton<WorkOrderNotifier>();
        services.AddObserver<IWorkOrderNotifier, WorkOrderFanOut>();
        services.AddHostedService<WorkOrderNotificationService>();
        builder.AddWebhooks();
        return builder;
    }

    public static WebApplication MapLiveUpdates(this WebApplication app)
    {
        app.MapHub<MapHub>(MapHub.Path, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization();
        return app;
    }
}
