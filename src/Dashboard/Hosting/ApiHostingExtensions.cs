using System.Text.Json;
using System.Text.Json.Serialization;
using IotService.Dashboard.Alarms;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Customers;
using IotService.Dashboard.Devices;
using IotService.Dashboard.Health;
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
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddSingleton<DeviceRegistrar>();
        services.AddSingleton<DeviceModelService>();
        services.AddOptions<RuleReplayOptions>().BindConfiguration(RuleReplayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RuleReplayService>();
        services.AddSingleton<WorkOrderService>();
        services.AddSingleton<WorkOrderEvents>();
        return builder;
    }

    public static WebApplication MapHubApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHubAuth();
        app.MapOpenApi();
        app.MapHubHealth();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapDeviceModelsApi();
        app.MapRuleReplayApi();
        app.MapDevicesApi();
        app.MapTelemetryApi();
        app.MapCustomersApi();
        app.MapTechniciansApi();
        app.MapAlarmsApi();
        app.MapWorkOrdersApi();
        app.MapIngestApi();
        return app;
    }
}
