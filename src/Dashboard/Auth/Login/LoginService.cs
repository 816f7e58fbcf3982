using IotService.Dashboard.Users;

namespace IotService.Dashboard.Auth.Login;

/// <summary>
/// Checks a user name and password. Known and unknown names take the same path through hashing and lockout, so neither
/// the answer nor its timing says whether an account exists; failures also count against the client address.
/// </summary>
public sealed class LoginService(HubUserManager users, UserLocks locks, LoginThrottle throttle, TimeProvider time)
{
    public async Task<LoginOutcome> SignInAsync(string username, string password, string clientAddress, CancellationToken cancellationToken)
    {
        if (throttle.Addresses.LockedFor(clientAddress) is { } wait)
        {
            return LoginOutcome.LockedOut(wait);
        }

        LoginOutcome outcome;
        if (username.Length > UserNames.MaxLength || password.Length > PasswordLengthValidator.MaxLength)
        {
            // No account has such a name or password; refused unhashed, and never a key in the table of unknown names.
            outcome = LoginOutcome.Failed;
        }
        else
        {
            var id = HubUser.Normalize(username);
            using (await locks.AcquireAsync(id, cancellationToken))
            {
                var user = await users.FindByIdAsync(id);
                outcome = user is null ? throttle.FailUnknown(id, password) : await CheckPasswordAsync(user, password);
            }
        }

        if (outcome.Result is LoginResult.Failed or LoginResult.LockedOut && throttle.Addresses.Fail(clientAddress) is { } addressLockout)
        {
            return LoginOutcome.LockedOut(addressLockout > outcome.RetryAfter ? addressLockout : outcome.RetryAfter);
        }

        return outcome;
    }

    /// <summary>Checks an account's password, counting a failure towards its lockout. The caller holds the account's lock.</summary>
    public async Task<LoginOutcome> CheckPasswordAsync(HubUser user, string password)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return LockedOut(user);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user) ? LockedOut(user) : LoginOutcome.Failed;
        }

        await users.ResetAccessFailedCountAsync(user);
        if (user.Disabled)
        {
            return LoginOutcome.Disabled;
        }

        if (string.IsNullOrEmpty(user.SecurityStamp))
        {
            // Accounts stored before Identity have no stamp, and a ticket needs one.
            await users.UpdateSecurityStampAsync(user);
        }

        return new LoginOutcome(LoginResult.Success, user);
    }

    private LoginOutcome LockedOut(HubUser user)
    {
        var left = (user.LockoutEnd ?? time.GetUtcNow()) - time.GetUtcNow();
        return LoginOutcome.LockedOut(left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1));
    }
}
