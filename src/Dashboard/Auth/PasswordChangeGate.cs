using Microsoft.AspNetCore.Authorization;

namespace IotService.Dashboard.Auth;

/// <summary>
/// A one-time password, set by an administrator, only lets its user choose a password of their own: until then every
/// route but those marked <see cref="AllowedBeforePasswordChange"/> (and anonymous ones) answers 403 saying so.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ChangeRoute = "/api/users/me/password";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (context.User.HasClaim(HubClaims.MustChangePassword, "true")
            && endpoint?.Metadata.GetMetadata<AllowedBeforePasswordChange>() is null
            && endpoint?.Metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Password change required",
                detail: $"This account holds a one-time password. Choose your own with POST {ChangeRoute} {{\"currentPassword\",\"newPassword\"}}; until then only that route, GET /api/auth/me and POST /api/auth/logout answer.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
