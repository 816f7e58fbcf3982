using IotService.Dashboard.Auth;
using IotService.Ingest.Diagnostics;

namespace IotService.Dashboard.Api;

public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ingest/stats", (IngestRates rates) => TypedResults.Ok(rates.Current()))
            .WithTags("Ingest")
            .RequireAuthorization(Policies.Staff);
        return app;
    }
}
