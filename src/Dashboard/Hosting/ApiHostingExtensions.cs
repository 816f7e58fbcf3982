using System.Text.Json;
using System.Text.Json.Serialization;
using IotService.Dashboard.Alarms;
using IotService.Dashboard.Api;
using IotService.Dashboard.Api.Bounds;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Cluster;
using IotService.Dashboard.Customers;
using IotService.Dashboard.Devices;
using IotService.Dashboard.Dispatching;
using IotService.Dashboard.Health;
using IotService.Dashboard.Hosting.Http;
using IotService.Dashboard.Live;
using IotService.Dashboard.Models;
using IotService.Dashboard.Models.Anomalies;
using IotService.Dashboard.Models.Replay;
using IotService.Dashboard.Notifications.Webhooks;
using IotService.Dashboard.Technicians;
using IotService.Dashboard.Users;
using IotService.Dashboard.WebApp;
using IotService.Dashboard.WorkOrders;

namespace IotService.Dashboard.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>JSON, problem details, OpenAPI and the services behind the routes.</summary>
    public static IHostApplicationBuilder AddHubApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Enums by name only: a number would bind to a value no enum member has, which nothing downstream expects.
        // Numbers as numbers only: the web defaults also read "12" as 12, which the OpenAPI document then states as
        // "number or string" for every numeric field, and the generated client types with it.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddSingleton<DeviceModelService>();
        services.AddSingleton<WorkOrderService>();
        return builder;
    }

    /// <summary>The request pipeline every answer goes through: security headers, the web app's files, errors as problem details, authentication.</summary>
    public static WebApplication UseHubPipeline(this WebApplication app)
    {
        app.UseHttpSecurity();
        app.UseWebAppFiles();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHubAuth();
        return app;
    }

    /// <summary>Every endpoint of the hub: the API (in one group, so every route gets the same filters), the live hub, health, OpenAPI, and the web app's pages last.</summary>
    public static WebApplication MapHubEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHubHealth();
        var api = app.MapGroup("").AddEndpointFilterFactory(RequestBoundsFilter.Create);
        api.MapAuthApi();
        api.MapUsersApi();
        api.MapDeviceModelsApi();
        api.MapRuleReplayApi();
        api.MapAnomalyModelApi();
        api.MapDevicesApi();
        api.MapTelemetryApi();
        api.MapCustomersApi();
        api.MapTechniciansApi();
        api.MapAlarmsApi();
        api.MapWorkOrdersApi();
        api.MapDispatchApi();
        api.MapWebhooksApi();
        api.MapIngestApi();
        api.MapClusterApi();
        api.MapWebSettingsApi();
        app.MapLiveUpdates();
        app.MapWebApp();
        return app;
    }
}
