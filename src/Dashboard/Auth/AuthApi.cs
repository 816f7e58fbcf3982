using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Auth;

public static class AuthApi
{
    public sealed record LoginRequest(string Username, string Password);

    public sealed record LoginResponse(string Token, string Role, DateTimeOffset ExpiresAt, string? CustomerId, string? TechnicianId);

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous();
        group.MapGet("/me", (System.Security.Claims.ClaimsPrincipal user) => TypedResults.Ok(new
        {
            name = user.Identity?.Name,
            role = Roles.All.FirstOrDefault(user.IsInRole),
            customerId = user.FindFirst(CallerExtensions.CustomerIdClaim)?.Value,
            technicianId = user.FindFirst(CallerExtensions.TechnicianIdClaim)?.Value,
        })).RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(LoginRequest request, UserStore users, TokenService tokens, CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(request.Username) ? null : await users.FindAsync(request.Username, ct);
        if (user is null || !PasswordHasher.Verify(request.Password ?? "", user.PasswordHash))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown user or wrong password.");
        }

        var (token, expires) = tokens.Issue(user);
        return TypedResults.Ok(new LoginResponse(token, user.Role, expires, user.CustomerId, user.TechnicianId));
    }
}
