using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using IotService.Dashboard.Auth.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth.Tokens;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> (or, for hubs only, <c>?access_token=</c>): the bootstrap admin token, or a
/// token from <c>/api/auth/login</c> whose session still holds.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions,
    AccessTokenFormat tokens,
    SessionValidator sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    /// <summary>Requests under this path (the SignalR hubs) may carry the token as <see cref="AccessTokenParameter"/>.</summary>
    public const string HubsPath = "/hubs";

    public const string AccessTokenParameter = "access_token";

    public static string? FindToken(HttpRequest request) => TokenFromHeader(request) ?? TokenFromQuery(request);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (FindToken(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var bootstrap = authOptions.Value.BootstrapAdminToken;
        if (!string.IsNullOrEmpty(bootstrap)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(bootstrap)))
        {
            return AuthenticateResult.Success(new AuthenticationTicket(BootstrapAdmin(), Scheme.Name));
        }

        if (tokens.Unprotect(token) is not { } ticket)
        {
            return AuthenticateResult.Fail("not a token of this hub");
        }

        var check = await sessions.CheckAsync(ticket, Context.RequestAborted);
        if (check != SessionCheck.Valid)
        {
            return AuthenticateResult.Fail($"token refused: {check}");
        }

        // ExpiresUtc lets SignalR close the connection when the token runs out (CloseOnAuthenticationExpiration).
        var properties = new AuthenticationProperties { ExpiresUtc = ticket.ExpiresAt };
        return AuthenticateResult.Success(new AuthenticationTicket(ticket.ToPrincipal(Scheme.Name), properties, Scheme.Name));
    }

    /// <summary>RFC 6750: a 401 names the scheme, and says when a presented token was refused.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var refused = (await HandleAuthenticateOnceSafeAsync()).Failure is not null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = refused ? "Bearer error=\"invalid_token\"" : "Bearer";
    }

    private ClaimsPrincipal BootstrapAdmin()
        => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, HubClaims.BootstrapAdminName), new Claim(ClaimTypes.Role, Roles.Admin)], Scheme.Name));

    private static string? TokenFromHeader(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header["Bearer ".Length..].Trim() is { Length: > 0 } token ? token : null;
    }

    /// <summary>
    /// Browsers cannot set headers on a WebSocket (or server-sent events) request, so SignalR clients send the token
    /// as <c>?access_token=</c>. Only hub requests accept it: elsewhere a token in a URL would end up in logs and histories.
    /// </summary>
    private static string? TokenFromQuery(HttpRequest request)
        => request.Path.StartsWithSegments(HubsPath) && request.Query[AccessTokenParameter].ToString() is { Length: > 0 } token ? token : null;
}
