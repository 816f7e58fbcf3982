using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IotService.Dashboard.Health;

public static class HealthApi
{
    public static IHostApplicationBuilder AddHubHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("orleans")
            .AddCheck<MqttHealthCheck>("mqtt")
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<IngestHealthCheck>("ingest")
            .AddCheck<HistoryHealthCheck>("history");
        return builder;
    }

    /// <summary><c>/health</c>: every dependency with its status; 503 when any is unhealthy.</summary>
    public static IEndpointRouteBuilder MapHubHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description ?? e.Value.Exception?.Message }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
