using IotService.Dashboard.Api;
using Microsoft.AspNetCore.Identity;

namespace IotService.Dashboard.Users;

/// <summary>Identity's failures as the API's answers: 409 for a taken name or a concurrent change, else 400 on a field.</summary>
public static class IdentityResults
{
    public static void ThrowIfFailed(IdentityResult result, string passwordField = "password")
    {
        if (result.Succeeded)
        {
            return;
        }

        var errors = result.Errors.ToList();
        if (errors.Find(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.ConcurrencyFailure)) is { } conflict)
        {
            throw new ConflictException(conflict.Description);
        }

        var validation = new ValidationErrors();
        foreach (var error in errors)
        {
            validation.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : error.Code.Contains("UserName", StringComparison.Ordinal) ? "username" : "user", error.Description);
        }

        validation.ThrowIfAny();
    }
}
