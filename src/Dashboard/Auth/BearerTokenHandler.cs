using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth;

/// <summary><c>Authorization: Bearer &lt;token&gt;</c>: the bootstrap admin token, or a token from <c>/api/auth/login</c>.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> authOptions,
    TokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = header["Bearer ".Length..].Trim();
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

    private Task<AuthenticateResult> Success(System.Security.Claims.ClaimsPrincipal principal)
        => Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
}
