using System.Security.Claims;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth.Cookies;
using IotService.Dashboard.Auth.Login;
using IotService.Dashboard.Auth.Tokens;
using IotService.Dashboard.Users;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapPost("/logout", LogoutAsync).RequireAuthorization().AllowBeforePasswordChange();
        group.MapGet("/me", Me).RequireAuthorization().AllowBeforePasswordChange();
        group.MapGet("/antiforgery", (HttpContext http) => TypedResults.Ok(new AntiforgeryResponse(CookieSessions.IssueAntiforgeryToken(http))))
            .RequireAuthorization().AllowBeforePasswordChange();
        app.MapLoginPage();
        return app;
    }

    /// <param name="useCookies">True: sign the browser in with the session cookie instead of answering a bearer token.</param>
    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, bool? useCookies, HttpContext http, LoginService login, SessionIssuer sessions, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrEmpty(request.Username), "username", "required");
        errors.Require(!string.IsNullOrEmpty(request.Password), "password", "required");
        errors.ThrowIfAny();

        var outcome = await login.SignInAsync(request.Username!, request.Password!, LoginProblems.ClientAddress(http), ct);
        if (outcome.User is null)
        {
            return LoginProblems.For(http, outcome);
        }

        return TypedResults.Ok(await sessions.StartAsync(http, outcome.User, useCookies == true));
    }

    /// <param name="everywhere">True: end every session of the account (a new security stamp), not only this one.</param>
    private static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(bool? everywhere, ClaimsPrincipal user, HttpContext http, UserAccounts accounts, CancellationToken ct)
    {
        if (SessionTicket.FromPrincipal(user) is not { } ticket)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Not a session",
                detail: "The bootstrap admin token is configuration: remove Auth:BootstrapAdminToken to revoke it.");
        }

        await accounts.EndSessionAsync(ticket, everywhere == true, ct);
        if (user.Identity?.AuthenticationType == HubAuthSchemes.Cookie)
        {
            await CookieSessions.SignOutAsync(http);
        }

        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        var ticket = SessionTicket.FromPrincipal(user);
        return TypedResults.Ok(new MeResponse(
            user.Identity?.Name,
            Roles.All.FirstOrDefault(user.IsInRole),
            user.FindFirstValue(CallerExtensions.CustomerIdClaim),
            user.FindFirstValue(CallerExtensions.TechnicianIdClaim),
            ticket?.MustChangePassword ?? false,
            ticket?.ExpiresAt,
            user.Identity?.AuthenticationType?.ToLowerInvariant()));
    }
}
