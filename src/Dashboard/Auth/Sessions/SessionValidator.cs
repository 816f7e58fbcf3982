using IotService.Dashboard.Auth.Tokens;
using IotService.Dashboard.Users;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Auth.Sessions;

/// <summary>The one check every bearer request, cookie request and live connection goes through.</summary>
public sealed class SessionValidator(UserCache users, TimeProvider time, IOptions<AuthOptions> options)
{
    /// <summary>Clock steps (NTP) that a genuine ticket may seem to outlast its lifetime by.</summary>
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    public async ValueTask<SessionCheck> CheckAsync(SessionTicket ticket, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return Lifetime(ticket, now, options.Value.TokenLifetime) is { } refused
            ? refused
            : CheckAccount(ticket, await users.GetAsync(ticket.UserId, cancellationToken));
    }

    /// <summary>The check against an account just read (live connections, when it changed).</summary>
    public SessionCheck Check(SessionTicket ticket, HubUser? user) => Check(ticket, user, time.GetUtcNow(), options.Value.TokenLifetime);

    public static SessionCheck Check(SessionTicket ticket, HubUser? user, DateTimeOffset now, TimeSpan lifetime)
        => Lifetime(ticket, now, lifetime) ?? CheckAccount(ticket, user);

    /// <summary>
    /// Whoever reads a token with a copy of the key ring learns its account's stamp and could mint a ticket of that
    /// account lasting years: one that ends later than a sign-in can is refused too (a new stamp ends the rest).
    /// </summary>
    private static SessionCheck? Lifetime(SessionTicket ticket, DateTimeOffset now, TimeSpan lifetime)
    {
        if (ticket.ExpiresAt <= now)
        {
            return SessionCheck.Expired;
        }

        return ticket.ExpiresAt - now > lifetime + ClockTolerance ? SessionCheck.BeyondLifetime : null;
    }

    /// <summary>The account's side: it exists, is enabled, has the ticket's stamp and has not signed this session out.</summary>
    public static SessionCheck CheckAccount(SessionTicket ticket, HubUser? user)
    {
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
