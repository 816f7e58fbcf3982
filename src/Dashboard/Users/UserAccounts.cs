using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Auth.Login;
using IotService.Dashboard.Auth.Tokens;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Users;

/// <summary>
/// Every change to an account, each a read-change-write under the account's lock. Changes to what a token vouches for
/// (password, role, links, disabled) get a new security stamp, which ends every session of the account at once.
/// </summary>
public sealed class UserAccounts(HubUserManager users, UserLocks locks, UserLinks links, LoginService login, TimeProvider time, IOptions<AuthOptions> options)
{
    /// <summary>Past this many signed-out sessions still within their lifetime, logging out ends all sessions instead.</summary>
    public const int MaxRevokedSessions = 1000;

    /// <returns>The account, and the password the hub made up for it (null when the request named one).</returns>
    public async Task<(HubUser User, string? OneTimePassword)> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        await ValidateAsync(request.Username, request.Role, request.CustomerId, request.TechnicianId);
        var password = request.Password ?? OneTimePasswords.Generate(options.Value.MinPasswordLength);
        var user = NewUser(request.Username!, request.Role!, request.CustomerId, request.TechnicianId);
        user.MustChangePassword = request.Password is null || request.MustChangePassword == true;
        using (await locks.AcquireAsync(user.Id, cancellationToken))
        {
            IdentityResults.ThrowIfFailed(await users.CreateAsync(user, password, validatePassword: true));
        }

        return (user, request.Password is null ? password : null);
    }

    /// <summary>
    /// Creates the account unless it exists, with a password the policy is not asked about: only the demo does this, with
    /// the password it prints at every start anyway.
    /// </summary>
    /// <returns>False when the account existed.</returns>
    public async Task<bool> EnsureWithKnownPasswordAsync(HubUser user, string password, CancellationToken cancellationToken)
    {
        await ValidateAsync(user.Username, user.Role, user.CustomerId, user.TechnicianId);
        using (await locks.AcquireAsync(user.Id, cancellationToken))
        {
            if (await users.FindByIdAsync(user.Id) is not null)
            {
                return false;
            }

            IdentityResults.ThrowIfFailed(await users.CreateAsync(user, password, validatePassword: false));
            return true;
        }
    }

    /// <returns>Null when there is no such user.</returns>
    public async Task<HubUser?> UpdateAsync(string username, UpdateUserRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        await links.CheckAsync(errors, request.Role, request.CustomerId, request.TechnicianId);
        errors.ThrowIfAny();
        using (await locks.AcquireAsync(HubUser.Normalize(username), cancellationToken))
        {
            var user = await users.FindByIdAsync(HubUser.Normalize(username));
            if (user is null || (user.Role, user.CustomerId, user.TechnicianId, user.Disabled) == (request.Role, request.CustomerId, request.TechnicianId, request.Disabled))
            {
                return user;
            }

            (user.Role, user.CustomerId, user.TechnicianId, user.Disabled) = (request.Role!, request.CustomerId, request.TechnicianId, request.Disabled);
            IdentityResults.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
            return user;
        }
    }

    /// <summary>An administrator's reset: a one-time password (this one, or one made up), lockout lifted, every session ended.</summary>
    /// <returns>Null when there is no such user.</returns>
    public async Task<HubUser?> SetOneTimePasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        using (await locks.AcquireAsync(HubUser.Normalize(username), cancellationToken))
        {
            var user = await users.FindByIdAsync(HubUser.Normalize(username));
            if (user is null)
            {
                return null;
            }

            (user.MustChangePassword, user.LockoutEnd, user.AccessFailedCount) = (true, null, 0);
            IdentityResults.ThrowIfFailed(await users.SetPasswordAsync(user, password));
            return user;
        }
    }

    /// <summary>A user replaces its own password, proving the current one (failures count towards lockout).</summary>
    public async Task<LoginOutcome> ChangeOwnPasswordAsync(string userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        using (await locks.AcquireAsync(userId, cancellationToken))
        {
            var user = await users.FindByIdAsync(userId);
            var outcome = user is null ? LoginOutcome.Failed : await login.CheckPasswordAsync(user, currentPassword);
            if (outcome.User is not { } verified)
            {
                return outcome;
            }

            verified.MustChangePassword = false;
            IdentityResults.ThrowIfFailed(await users.SetPasswordAsync(verified, newPassword), "newPassword");
            return outcome;
        }
    }

    /// <summary>Logout: the session is remembered as revoked until it would have expired; <paramref name="everywhere"/> ends them all.</summary>
    public async Task EndSessionAsync(SessionTicket ticket, bool everywhere, CancellationToken cancellationToken)
    {
        using (await locks.AcquireAsync(ticket.UserId, cancellationToken))
        {
            if (await users.FindByIdAsync(ticket.UserId) is not { } user)
            {
                return;
            }

            var now = time.GetUtcNow();
            user.RevokedSessions.RemoveAll(s => s.ExpiresAt <= now);
            if (everywhere || user.RevokedSessions.Count >= MaxRevokedSessions)
            {
                // A new stamp ends every session, so the list of single ones is no longer needed.
                user.RevokedSessions.Clear();
                IdentityResults.ThrowIfFailed(await users.UpdateSecurityStampAsync(user));
                return;
            }

            user.RevokedSessions.Add(new RevokedSession(ticket.SessionId, ticket.ExpiresAt));
            IdentityResults.ThrowIfFailed(await users.UpdateAsync(user));
        }
    }

    public static HubUser NewUser(string username, string role, string? customerId, string? technicianId)
        => new() { Username = username, Role = role, CustomerId = customerId, TechnicianId = technicianId };

    private async Task ValidateAsync(string? username, string? role, string? customerId, string? technicianId)
    {
        var errors = new ValidationErrors();
        errors.Require(UserNames.IsValid(username), "username", UserNames.Rule);
        await links.CheckAsync(errors, role, customerId, technicianId);
        errors.ThrowIfAny();
    }
}
