using IotService.Dashboard.Auth.Sessions;
using IotService.Dashboard.Auth.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IotService.Dashboard.Auth.Cookies;

/// <summary>
/// The browser's session cookie holds the same <see cref="SessionTicket"/> a bearer token does and is checked the same
/// way on every request. API and hub requests are answered 401/403, never redirected to the sign-in page.
/// </summary>
public sealed class SessionCookieEvents(SessionValidator sessions) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var ticket = context.Principal is { } principal ? SessionTicket.FromPrincipal(principal) : null;
        if (ticket is null || await sessions.CheckAsync(ticket, context.HttpContext.RequestAborted) != SessionCheck.Valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(HubAuthSchemes.Cookie);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (!HubAuthSchemes.IsApiOrHub(context.Request))
        {
            return base.RedirectToLogin(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = HubAuthSchemes.Bearer;
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
