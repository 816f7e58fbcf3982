namespace IotService.Dashboard.Auth.Login;

public enum LoginResult
{
    Success,

    /// <summary>Unknown user or wrong password: the same answer for both.</summary>
    Failed,

    /// <summary>Too many failures for this user name or client address; <see cref="LoginOutcome.RetryAfter"/> says how long.</summary>
    LockedOut,

    /// <summary>The right password for a disabled account.</summary>
    Disabled,
}
