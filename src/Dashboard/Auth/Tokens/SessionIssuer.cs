using System.Buffers.Text;
using System.Security.Cryptography;
using IotService.Dashboard.Auth.Cookies;
using IotService.Dashboard.Users;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth.Tokens;

/// <summary>Starts a session for a signed-in account: a fresh session id and an end <c>Auth:TokenLifetimeHours</c> away.</summary>
public sealed class SessionIssuer(AccessTokenFormat tokens, TimeProvider time, IOptions<AuthOptions> options)
{
    public SessionTicket Issue(HubUser user)
        => SessionTicket.For(user, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), time.GetUtcNow() + options.Value.TokenLifetime);

    /// <summary>A new session as a bearer token, or as the browser's session cookie when <paramref name="useCookie"/>.</summary>
    public async Task<LoginResponse> StartAsync(HttpContext context, HubUser user, bool useCookie)
    {
        var ticket = Issue(user);
        if (!useCookie)
        {
            return LoginResponse.For(ticket, tokens.Protect(ticket));
        }

        await CookieSessions.SignInAsync(context, ticket);
        return LoginResponse.For(ticket, token: null);
    }
}
