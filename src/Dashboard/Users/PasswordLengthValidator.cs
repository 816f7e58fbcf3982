using Microsoft.AspNetCore.Identity;

namespace IotService.Dashboard.Users;

/// <summary>
/// An upper bound beside the policy's lower one: hashing cost grows with the password, and no person types more.
/// Sign-in refuses longer passwords without hashing them (see <see cref="Auth.Login.LoginService"/>).
/// </summary>
public sealed class PasswordLengthValidator : IPasswordValidator<HubUser>
{
    public const int MaxLength = 1024;

    public Task<IdentityResult> ValidateAsync(UserManager<HubUser> manager, HubUser user, string? password)
        => Task.FromResult(password is { Length: > MaxLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Passwords must be at most {MaxLength} characters." })
            : IdentityResult.Success);
}
