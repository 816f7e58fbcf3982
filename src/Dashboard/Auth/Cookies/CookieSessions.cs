using IotService.Dashboard.Auth.Tokens;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace IotService.Dashboard.Auth.Cookies;

/// <summary>
/// Signing a browser in and out. Each sign-in also hands the page an anti-forgery token in a readable cookie
/// (<see cref="XsrfCookie"/>), which it sends back as <see cref="XsrfHeader"/> on every write.
/// </summary>
public static class CookieSessions
{
    public const string CookieName = ".IotService.Session";
    public const string AntiforgeryCookieName = ".IotService.Antiforgery";
    public const string XsrfCookie = "XSRF-TOKEN";
    public const string XsrfHeader = "X-XSRF-TOKEN";

    public static async Task SignInAsync(HttpContext context, SessionTicket ticket)
    {
        var principal = ticket.ToPrincipal(HubAuthSchemes.Cookie);
        var properties = new AuthenticationProperties { ExpiresUtc = ticket.ExpiresAt, IsPersistent = true, AllowRefresh = false };
        await context.SignInAsync(HubAuthSchemes.Cookie, principal, properties);

        // The anti-forgery token is bound to the signed-in user, so it is made for the new principal.
        context.User = principal;
        IssueAntiforgeryToken(context);
    }

    public static async Task SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(HubAuthSchemes.Cookie);
        context.Response.Cookies.Delete(XsrfCookie);
    }

    /// <returns>The request token, also set as the <see cref="XsrfCookie"/> cookie.</returns>
    public static string IssueAntiforgeryToken(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var token = tokens.RequestToken!;
        context.Response.Cookies.Append(XsrfCookie, token, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
        });
        return token;
    }
}
