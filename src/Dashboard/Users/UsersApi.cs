using System.Security.Claims;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Auth.Login;
using IotService.Dashboard.Auth.Tokens;
using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Users;

/// <summary>Accounts (SPEC §5): administrators manage them; every signed-in user changes its own password.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization();
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Admin);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        group.MapGet("/{name}", GetAsync).RequireAuthorization(Policies.Admin);
        group.MapPut("/{name}", UpdateAsync).RequireAuthorization(Policies.Admin);
        group.MapPost("/{name}/password", SetPasswordAsync).RequireAuthorization(Policies.Admin);
        group.MapPost("/me/password", ChangeOwnPasswordAsync).AllowBeforePasswordChange();
        return app;
    }

    private static async Task<Ok<ListResponse<UserView>>> ListAsync(IDocumentCatalog catalog, TimeProvider time, int? limit, string? cursor, CancellationToken ct)
    {
        var page = await DocumentLists.ListAsync<HubUser>(catalog, UserDocuments.Kind, limit, cursor, ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new ListResponse<UserView>(page.Items.Select(u => UserView.From(u, now)).ToList(), page.NextCursor));
    }

    private static async Task<Created<UserView>> CreateAsync(CreateUserRequest request, UserAccounts accounts, TimeProvider time, CancellationToken ct)
    {
        var (user, oneTimePassword) = await accounts.CreateAsync(request, ct);
        var view = UserView.From(user, time.GetUtcNow()) with { OneTimePassword = oneTimePassword };
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(user.Username)}", view);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetAsync(string name, HubUserManager users, TimeProvider time)
        => await users.FindByIdAsync(HubUser.Normalize(name)) is { } user ? TypedResults.Ok(UserView.From(user, time.GetUtcNow())) : ApiProblems.NotFound("user", name);

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> UpdateAsync(
        string name, UpdateUserRequest request, UserAccounts accounts, TimeProvider time, CancellationToken ct)
        => await accounts.UpdateAsync(name, request, ct) is { } user ? TypedResults.Ok(UserView.From(user, time.GetUtcNow())) : ApiProblems.NotFound("user", name);

    /// <summary>Answers the made-up password once; a password the administrator chose is not echoed.</summary>
    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetPasswordAsync(
        string name, SetPasswordRequest? request, UserAccounts accounts, TimeProvider time, IOptions<AuthOptions> options, CancellationToken ct)
    {
        var password = request?.Password ?? OneTimePasswords.Generate(options.Value.MinPasswordLength);
        if (await accounts.SetOneTimePasswordAsync(name, password, ct) is not { } user)
        {
            return ApiProblems.NotFound("user", name);
        }

        return TypedResults.Ok(UserView.From(user, time.GetUtcNow()) with { OneTimePassword = request?.Password is null ? password : null });
    }

    /// <summary>Every session of the account ends with the old password; the caller gets a new one in the answer (or cookie).</summary>
    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> ChangeOwnPasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal caller, HttpContext http, UserAccounts accounts, SessionIssuer sessions, CancellationToken ct)
    {
        if (SessionTicket.FromPrincipal(caller) is not { } ticket)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an account", detail: "The bootstrap admin token has no password.");
        }

        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrEmpty(request.CurrentPassword), "currentPassword", "required");
        errors.Require(!string.IsNullOrEmpty(request.NewPassword), "newPassword", "required");
        errors.ThrowIfAny();

        var outcome = await accounts.ChangeOwnPasswordAsync(ticket.UserId, request.CurrentPassword!, request.NewPassword!, ct);
        return outcome switch
        {
            { User: { } user } => TypedResults.Ok(await sessions.StartAsync(http, user, caller.Identity?.AuthenticationType == HubAuthSchemes.Cookie)),
            { Result: LoginResult.LockedOut } => LoginProblems.TooManyFailures(http, outcome.RetryAfter),
            _ => throw RequestValidationException.For("currentPassword", "not the current password"),
        };
    }
}
