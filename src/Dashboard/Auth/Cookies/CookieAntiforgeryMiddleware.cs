using Microsoft.AspNetCore.Antiforgery;

namespace IotService.Dashboard.Auth.Cookies;

/// <summary>
/// A browser sends its cookie with any request a page makes, including one a foreign page triggers; so a write that the
/// cookie authenticates must also carry the anti-forgery token. Bearer requests need none: a foreign page cannot add
/// the header. Hub traffic is exempt: negotiation writes nothing, and the strict same-site cookie keeps foreign pages out.
/// </summary>
public sealed class CookieAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: HubAuthSchemes.Cookie }
            && !IsSafe(context.Request.Method)
            && !context.Request.Path.StartsWithSegments(Tokens.BearerTokenHandler.HubsPath)
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Missing or invalid anti-forgery token",
                detail: $"A write signed in by cookie carries the {CookieSessions.XsrfCookie} cookie's value in the {CookieSessions.XsrfHeader} header.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsSafe(string method)
        => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
