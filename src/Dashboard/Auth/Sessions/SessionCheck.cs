namespace IotService.Dashboard.Auth.Sessions;

/// <summary>Whether a <see cref="Tokens.SessionTicket"/> still holds, and if not, why.</summary>
public enum SessionCheck
{
    Valid,
    Expired,

    /// <summary>Ends later than any sign-in lasts: minted with the key ring, not issued by a hub.</summary>
    BeyondLifetime,
    UnknownUser,
    Disabled,
    StampChanged,
    Revoked,
}
