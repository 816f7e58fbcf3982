using System.Text.Json;
using System.Text.Json.Serialization;
using IotService.Dashboard.Alarms;
using IotService.Dashboard.Api;
using IotService.Dashboard.Api.Bounds;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Customers;
using IotService.Dashboard.Devices;
using IotService.Dashboard.Health;
using IotService.Dashboard.Hosting.Http;
using IotService.Dashboard.Models;
using IotService.Dashboard.Models.Replay;
using IotService.Dashboard.Technicians;
using IotService.Dashboard.Users;
using IotService.Dashboard.WorkOrders;

namespace IotService.Dashboard.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>JSON, problem details, OpenAPI and the services behind the routes.</summary>
    public static IHostApplicationBuilder AddHubApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // Enums by name only: a number would bind to a value no enum member has, which nothing downstream expects.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddSingleton<DeviceRegistrar>();
        services.AddSingleton<DeviceModelService>();
        services.AddSingleton<WorkOrderService>();
        return builder;
    }

    /// <returns>The group every API route is mapped in, so routes mapped later get the same filters.</returns>
    public static RouteGroupBuilder MapHubApi(this WebApplication app)
    {
        app.UseHttpSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHubAuth();
        app.MapOpenApi();
        app.MapHubHealth();
        var api = app.MapGroup("").AddEndpointFilterFactory(RequestBoundsFilter.Create);
        api.MapAuthApi();
        api.MapUsersApi();
        api.MapDeviceModelsApi();
        api.MapRuleReplayApi();
        api.MapDevicesApi();
        api.MapTelemetryApi();
        api.MapCustomersApi();
        api.MapTechniciansApi();
        api.MapAlarmsApi();
        api.MapWorkOrdersApi();
        api.MapIngestApi();
        return api;
    }
}
