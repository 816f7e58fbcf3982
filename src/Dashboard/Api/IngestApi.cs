using IotService.Dashboard.Auth;
using IotService.Ingest.Diagnostics;
using IotService.Storage.History;

namespace IotService.Dashboard.Api;

public static class IngestApi
{
    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/ingest/stats", (IngestRates rates, IHistoryStatusSource history) => TypedResults.Ok(rates.Current() with { History = history.Current() }))
            .WithTags("Ingest")
            .RequireAuthorization(Policies.Staff);
        return app;
    }
}
