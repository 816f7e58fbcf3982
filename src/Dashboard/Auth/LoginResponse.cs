using IotService.Dashboard.Auth.Tokens;

namespace IotService.Dashboard.Auth;

/// <summary>
/// A signed-in session: <see cref="Token"/> is the bearer token, or null when the session is the browser's cookie.
/// <see cref="MustChangePassword"/>: the account holds a one-time password and may only change it.
/// </summary>
public sealed record LoginResponse(
    string? Token,
    string Username,
    string Role,
    DateTimeOffset ExpiresAt,
    string? CustomerId,
    string? TechnicianId,
    bool MustChangePassword)
{
    public static LoginResponse For(SessionTicket ticket, string? token)
        => new(token, ticket.Username, ticket.Role, ticket.ExpiresAt, ticket.CustomerId, ticket.TechnicianId, ticket.MustChangePassword);
}
