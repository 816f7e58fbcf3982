using System.Text.Json;
using IotService.Dashboard.Notifications;
using IotService.Dashboard.Notifications.Webhooks;
using IotService.Dashboard.Users;
using IotService.Grains.Alarms;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Live;

public static class LiveHostingExtensions
{
    /// <summary>
    /// The map hub (SignalR, with the API's JSON conventions) and what feeds it: alarm changes from the device
    /// grains, sent in-app and as signed webhooks (configuration sections <c>Notifications</c> and <c>Webhooks</c>).
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
        services.AddSingleton<AlarmNotifier>();
        // Replaces the grains' NullAlarmNotifier whichever was registered first.
        services.RemoveAll<IAlarmNotifier>();
        services.AddSingleton<IAlarmNotifier>(sp => sp.GetRequiredService<AlarmNotifier>());
        services.AddHostedService<AlarmNotificationService>();
        builder.AddWebhooks();
        return builder;
    }

    public static WebApplication MapLiveUpdates(this WebApplication app)
    {
        app.MapHub<MapHub>(MapHub.Path, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization();
        app.MapWebhooksApi();
        return app;
    }
}
