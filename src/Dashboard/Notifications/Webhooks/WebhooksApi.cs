using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Notifications.Webhooks;

public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webhooks/deliveries", Deliveries)
            .WithTags("Webhooks")
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    /// <summary>The delivery log, newest first; the cursor is the id of the last delivery of the previous page.</summary>
    private static Ok<ListResponse<WebhookDelivery>> Deliveries(WebhookDeliveryLog log, int? limit, string? cursor, string? target)
    {
        var size = PageQuery.Limit(limit);
        Guid? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            before = Guid.TryParseExact(cursor, "N", out var id) ? id : throw RequestValidationException.For("cursor", "not a cursor from this list");
        }

        var page = log.Recent(size + 1, target, before);
        return TypedResults.Ok(page.Count > size
            ? new ListResponse<WebhookDelivery>(page.Take(size).ToList(), page[size - 1].Id.ToString("N"))
            : new ListResponse<WebhookDelivery>(page, null));
    }
}
