using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.WebApp;

public static class WebSettingsApi
{
    public static IEndpointRouteBuilder MapWebSettingsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/web/settings", (IOptions<WebOptions> options) =>
                TypedResults.Ok(new WebSettings(options.Value.MapTileUrl, options.Value.MapTileAttribution)))
            .WithTags("Web").RequireAuthorization();
        return app;
    }
}
