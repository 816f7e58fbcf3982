using System.Security.Cryptography;
using IotService.Dashboard.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth.Login;

/// <summary>
/// What sign-in remembers beyond the accounts themselves: failures of user names that do not exist (locked out exactly
/// like accounts, so a 429 tells nothing about existence) and failures per client address. Both in bounded tables.
/// </summary>
public sealed class LoginThrottle
{
    private static readonly HubUser Nobody = new();

    private readonly IPasswordHasher<HubUser> _hasher;
    private readonly Lazy<string> _decoyHash;

    public LoginThrottle(IOptions<AuthOptions> options, TimeProvider time, IPasswordHasher<HubUser> hasher)
    {
        var auth = options.Value;
        _hasher = hasher;
        _decoyHash = new Lazy<string>(() => hasher.HashPassword(Nobody, RandomNumberGenerator.GetHexString(32)));
        UnknownUsers = new FailedLoginTable(auth.MaxFailedLoginAttempts, auth.Lockout, auth.FailedLoginTableSize, time);
        Addresses = new FailedLoginTable(auth.MaxFailedLoginsPerAddress, auth.Lockout, auth.FailedLoginTableSize, time, forgetAfter: auth.Lockout);
    }

    public FailedLoginTable UnknownUsers { get; }

    public FailedLoginTable Addresses { get; }

    /// <summary>A wrong password for a name without an account: the same hashing work and the same lockout as for an account.</summary>
    public LoginOutcome FailUnknown(string userId, string password)
    {
        if (UnknownUsers.LockedFor(userId) is { } wait)
        {
            return LoginOutcome.LockedOut(wait);
        }

        _hasher.VerifyHashedPassword(Nobody, _decoyHash.Value, password);
        return UnknownUsers.Fail(userId) is { } lockout ? LoginOutcome.LockedOut(lockout) : LoginOutcome.Failed;
    }
}
