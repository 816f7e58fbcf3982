using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> (or, for hubs only, <c>?access_token=</c>): the bootstrap admin token,
/// or a token from <c>/api/auth/login</c>.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions,
    TokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Requests under this path (the SignalR hubs) may carry the token as <see cref="AccessTokenParameter"/>.</summary>
    public const string HubsPath = "/hubs";

    public const string AccessTokenParameter = "access_token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if ((TokenFromHeader() ?? TokenFromQuery()) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var bootstrap = authOptions.Value.BootstrapAdminToken;
        if (!string.IsNullOrEmpty(bootstrap)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(bootstrap)))
        {
            return Success(TokenService.Principal("bootstrap-admin", Roles.Admin, null, null, SchemeName));
        }

        var principal = tokens.Validate(token, SchemeName);
        return principal is null
            ? Task.FromResult(AuthenticateResult.Fail("invalid or expired token"))
            : Success(principal);
    }

    private string? TokenFromHeader()
    {
        var header = Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>
    /// Browsers cannot set headers on a WebSocket (or server-sent events) request, so SignalR clients send the token
    /// as <c>?access_token=</c>. Only hub requests accept it: elsewhere a token in a URL would end up in logs and histories.
    /// </summary>
    private string? TokenFromQuery()
        => Request.Path.StartsWithSegments(HubsPath) && Request.Query[AccessTokenParameter].ToString() is { Length: > 0 } token ? token : null;

    private Task<AuthenticateResult> Success(System.Security.Claims.ClaimsPrincipal principal)
        => Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
}
