using IotService.Dashboard.Auth.Tokens;
using IotService.Dashboard.Users;

namespace IotService.Dashboard.Auth.Sessions;

/// <summary>The one check every bearer request, cookie request and live connection goes through.</summary>
public sealed class SessionValidator(UserCache users, TimeProvider time)
{
    public async ValueTask<SessionCheck> CheckAsync(SessionTicket ticket, CancellationToken cancellationToken)
        => ticket.ExpiresAt <= time.GetUtcNow()
            ? SessionCheck.Expired
            : Check(ticket, await users.GetAsync(ticket.UserId, cancellationToken), time.GetUtcNow());

    public static SessionCheck Check(SessionTicket ticket, HubUser? user, DateTimeOffset now)
    {
        if (ticket.ExpiresAt <= now)
        {
            return SessionCheck.Expired;
        }

        if (user is null)
        {
            return SessionCheck.UnknownUser;
        }

        if (user.Disabled)
        {
            return SessionCheck.Disabled;
        }

        if (string.IsNullOrEmpty(user.SecurityStamp) || !string.Equals(user.SecurityStamp, ticket.SecurityStamp, StringComparison.Ordinal))
        {
            return SessionCheck.StampChanged;
        }

        return user.RevokedSessions.Exists(s => string.Equals(s.Id, ticket.SessionId, StringComparison.Ordinal))
            ? SessionCheck.Revoked
            : SessionCheck.Valid;
    }
}
