namespace IotService.Dashboard.Hosting.Http;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no framing, no referrer; API answers are never cached (they hold
/// one user's view of things); pages carry the content security policy.
/// </summary>
public static class SecurityHeaders
{
    public static void Apply(HttpContext context, string contentSecurityPolicy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (IsApi(context.Request.Path))
        {
            headers.CacheControl = "no-store";
        }
        else
        {
            headers.ContentSecurityPolicy = contentSecurityPolicy;
        }
    }

    private static bool IsApi(PathString path)
        => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/health") || path.StartsWithSegments("/hubs");
}
