using IotService.Dashboard.Auth.Tokens;

namespace IotService.Dashboard.Auth;

/// <summary>
/// The authentication schemes: bearer tokens for API clients and SignalR, a cookie for the browser, and the policy scheme
/// that picks one per request (bearer when a token is presented, else the cookie).
/// </summary>
public static class HubAuthSchemes
{
    public const string Default = "Hub";
    public const string Bearer = "Bearer";
    public const string Cookie = "Cookie";

    public static string Select(HttpContext context) => BearerTokenHandler.FindToken(context.Request) is null ? Cookie : Bearer;

    /// <summary>Machine routes answer 401/403 with problem details; only pages redirect to <c>/login</c>.</summary>
    public static bool IsApiOrHub(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments(BearerTokenHandler.HubsPath);
}
