using System.ComponentModel.DataAnnotations;

namespace IotService.Dashboard.Auth;

/// <summary>Sign-in, tokens, lockout and the password policy (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>A token that always authenticates as administrator; empty disables it.</summary>
    public string? BootstrapAdminToken { get; set; }

    /// <summary>Lifetime of a sign-in: bearer tokens from <c>POST /api/auth/login</c> and the browser's cookie.</summary>
    [Range(0.0001, 8760)]
    public double TokenLifetimeHours { get; set; } = 12;

    /// <summary>Wrong passwords in a row after which a user name (known or not) is locked out.</summary>
    [Range(1, 1000)]
    public int MaxFailedLoginAttempts { get; set; } = 5;

    /// <summary>How long a lockout lasts, for a user name and for a client address.</summary>
    [Range(0.01, 1440)]
    public double LockoutMinutes { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address, whatever the user names, after which that address is locked out.</summary>
    [Range(1, 1_000_000)]
    public int MaxFailedLoginsPerAddress { get; set; } = 20;

    /// <summary>Unknown user names and client addresses whose failures are remembered (each in its own table; oldest forgotten first).</summary>
    [Range(100, 1_000_000)]
    public int FailedLoginTableSize { get; set; } = 10_000;

    /// <summary>Shortest password a user may choose (length is the whole policy: no character-class rules).</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 10;

    /// <summary>
    /// How long a hub trusts its cached copy of an account when checking a token. This hub's own changes apply at once;
    /// the bound matters when another hub changed the account (cluster mode).
    /// </summary>
    [Range(0, 3600)]
    public double UserCacheSeconds { get; set; } = 10;

    /// <summary>Lifetime of each Data Protection key before a new one is made (old keys still read what they protected).</summary>
    [Range(7, 3650)]
    public double KeyLifetimeDays { get; set; } = 90;

    public TimeSpan TokenLifetime => TimeSpan.FromHours(TokenLifetimeHours);

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);
}
