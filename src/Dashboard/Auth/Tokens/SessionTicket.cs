using System.Globalization;
using System.Security.Claims;
using IotService.Dashboard.Users;

namespace IotService.Dashboard.Auth.Tokens;

/// <summary>
/// What one sign-in vouches for, inside a bearer token or the browser's cookie: the account as it was (role, links), the
/// security stamp that was current, the session and its end. It holds while the stamp is the account's current one.
/// </summary>
public sealed record SessionTicket(
    string UserId,
    string Username,
    string Role,
    string? CustomerId,
    string? TechnicianId,
    bool MustChangePassword,
    string SecurityStamp,
    string SessionId,
    DateTimeOffset ExpiresAt)
{
    public static SessionTicket For(HubUser user, string sessionId, DateTimeOffset expiresAt)
        => new(user.Id, user.Username, user.Role, user.CustomerId, user.TechnicianId, user.MustChangePassword, user.SecurityStamp ?? "", sessionId, expiresAt);

    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, UserId),
            new(ClaimTypes.Name, Username),
            new(ClaimTypes.Role, Role),
            new(HubClaims.SecurityStamp, SecurityStamp),
            new(HubClaims.SessionId, SessionId),
            new(HubClaims.ExpiresAt, ExpiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        };
        AddIf(claims, CallerExtensions.CustomerIdClaim, CustomerId);
        AddIf(claims, CallerExtensions.TechnicianIdClaim, TechnicianId);
        AddIf(claims, HubClaims.MustChangePassword, MustChangePassword ? "true" : null);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    /// <returns>Null for a principal that is not a signed-in account (the bootstrap admin, an anonymous caller).</returns>
    public static SessionTicket? FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } userId
            || principal.FindFirstValue(HubClaims.SessionId) is not { Length: > 0 } sessionId
            || !long.TryParse(principal.FindFirstValue(HubClaims.ExpiresAt), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        return new SessionTicket(
            userId,
            principal.Identity?.Name ?? userId,
            principal.FindFirstValue(ClaimTypes.Role) ?? "",
            principal.FindFirstValue(CallerExtensions.CustomerIdClaim),
            principal.FindFirstValue(CallerExtensions.TechnicianIdClaim),
            principal.HasClaim(HubClaims.MustChangePassword, "true"),
            principal.FindFirstValue(HubClaims.SecurityStamp) ?? "",
            sessionId,
            DateTimeOffset.FromUnixTimeMilliseconds(expires));
    }

    private static void AddIf(List<Claim> claims, string type, string? value)
    {
        if (value is not null)
        {
            claims.Add(new Claim(type, value));
        }
    }
}
