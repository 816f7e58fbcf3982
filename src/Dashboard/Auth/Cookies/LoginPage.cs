using IotService.Dashboard.Auth.Login;
using IotService.Dashboard.Auth.Tokens;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Auth.Cookies;

/// <summary><c>GET /login</c> shows the form; <c>POST /login</c> signs the browser in with the session cookie.</summary>
public static class LoginPage
{
    public const string Path = "/login";

    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext http, IAntiforgery antiforgery, string? returnUrl) => Form(http, antiforgery, returnUrl, null, null, StatusCodes.Status200OK))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(Path, SubmitAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<RedirectHttpResult, ContentHttpResult, ProblemHttpResult>> SubmitAsync(
        HttpContext http, IAntiforgery antiforgery, LoginService login, SessionIssuer sessions, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Expected a form post.");
        }

        var form = await http.Request.ReadFormAsync(ct);
        string? username = form["username"], password = form["password"], returnUrl = form["returnUrl"];
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Form(http, antiforgery, returnUrl, username, "The form expired; please sign in again.", StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return Form(http, antiforgery, returnUrl, username, "Enter your user name and password.", StatusCodes.Status400BadRequest);
        }

        var outcome = await login.SignInAsync(username, password, LoginProblems.ClientAddress(http), ct);
        switch (outcome.Result)
        {
            case LoginResult.Success:
                await sessions.StartAsync(http, outcome.User!, useCookie: true);
                return TypedResults.Redirect(LocalUrls.OrRoot(returnUrl));
            case LoginResult.LockedOut:
                var seconds = LoginProblems.SetRetryAfter(http, outcome.RetryAfter);
                return Form(http, antiforgery, returnUrl, username, $"Too many failed sign-ins. Try again in {seconds} seconds.", StatusCodes.Status429TooManyRequests);
            case LoginResult.Disabled:
                return Form(http, antiforgery, returnUrl, username, LoginProblems.AccountDisabled, StatusCodes.Status403Forbidden);
            default:
                http.Response.Headers.WWWAuthenticate = HubAuthSchemes.Bearer;
                return Form(http, antiforgery, returnUrl, username, LoginProblems.WrongCredentials, StatusCodes.Status401Unauthorized);
        }
    }

    private static ContentHttpResult Form(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? username, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var html = LoginPageHtml.Render(tokens.FormFieldName, tokens.RequestToken!, LocalUrls.OrRoot(returnUrl), username, message);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
