using IotService.Dashboard.Users;

namespace IotService.Dashboard.Auth.Login;

/// <summary>How a password check ended; <see cref="User"/> is set on success.</summary>
public sealed record LoginOutcome(LoginResult Result, HubUser? User = null, TimeSpan RetryAfter = default)
{
    public static readonly LoginOutcome Failed = new(LoginResult.Failed);
    public static readonly LoginOutcome Disabled = new(LoginResult.Disabled);

    public static LoginOutcome LockedOut(TimeSpan retryAfter) => new(LoginResult.LockedOut, RetryAfter: retryAfter);
}
