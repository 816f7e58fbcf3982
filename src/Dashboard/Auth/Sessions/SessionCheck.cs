namespace IotService.Dashboard.Auth.Sessions;

/// <summary>Whether a <see cref="Tokens.SessionTicket"/> still holds, and if not, why.</summary>
public enum SessionCheck
{
    Valid,
    Expired,
    UnknownUser,
    Disabled,
    StampChanged,
    Revoked,
}
