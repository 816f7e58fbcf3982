using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Auth.Login;

/// <summary>The answers to a sign-in that did not succeed, the same for every user name.</summary>
public static class LoginProblems
{
    public const string WrongCredentials = "Unknown user or wrong password.";
    public const string AccountDisabled = "This account is disabled.";

    public static ProblemHttpResult For(HttpContext context, LoginOutcome outcome) => outcome.Result switch
    {
        LoginResult.LockedOut => TooManyFailures(context, outcome.RetryAfter),
        LoginResult.Disabled => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: AccountDisabled),
        _ => Unauthorized(context),
    };

    public static ProblemHttpResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = HubAuthSchemes.Bearer;
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: WrongCredentials);
    }

    public static ProblemHttpResult TooManyFailures(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(context, retryAfter);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed sign-ins",
            detail: $"Try again in {seconds} seconds.");
    }

    /// <returns>The whole seconds written to <c>Retry-After</c>.</returns>
    public static long SetRetryAfter(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return seconds;
    }

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
