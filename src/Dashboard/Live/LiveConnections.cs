using System.Collections.Concurrent;
using IotService.Dashboard.Auth.Sessions;
using IotService.Dashboard.Auth.Tokens;
using IotService.Dashboard.Users;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Live;

/// <summary>
/// The map hub's connections by account, so that ending a session (logout, a new security stamp, disabling) closes its
/// connections at once rather than when the token would have expired. Connections of the bootstrap token are not kept:
/// it has no session to end.
/// </summary>
public sealed partial class LiveConnections(SessionValidator sessions, ILogger<LiveConnections> logger) : IUserChangeListener
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Connection>> _byUser = new(StringComparer.Ordinal);

    /// <summary>Open connections of one account.</summary>
    public int CountOf(string userId) => _byUser.TryGetValue(userId, out var connections) ? connections.Count : 0;

    /// <returns>False when the connection's session ended meanwhile; it is then aborted.</returns>
    public async Task<bool> AddAsync(HubCallerContext context)
    {
        if (context.User is not { } user || SessionTicket.FromPrincipal(user) is not { } ticket)
        {
            return true;
        }

        _byUser.GetOrAdd(ticket.UserId, _ => new(StringComparer.Ordinal))[context.ConnectionId] = new Connection(context, ticket);

        // Checked after registering: a change that lands in between is then seen here or by UserChangedAsync.
        var check = await sessions.CheckAsync(ticket, context.ConnectionAborted);
        if (check == SessionCheck.Valid)
        {
            return true;
        }

        Close(ticket.UserId, context, check);
        return false;
    }

    public void Remove(HubCallerContext context)
    {
        if (context.User is { } user && SessionTicket.FromPrincipal(user) is { } ticket && _byUser.TryGetValue(ticket.UserId, out var connections))
        {
            connections.TryRemove(context.ConnectionId, out _);
        }
    }

    public Task UserChangedAsync(HubUser user, CancellationToken cancellationToken)
    {
        if (_byUser.TryGetValue(user.Id, out var connections))
        {
            foreach (var (_, connection) in connections)
            {
                var check = sessions.Check(connection.Ticket, user);
                if (check != SessionCheck.Valid)
                {
                    Close(user.Id, connection.Context, check);
                }
            }
        }

        return Task.CompletedTask;
    }

    private void Close(string userId, HubCallerContext context, SessionCheck reason)
    {
        if (_byUser.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(context.ConnectionId, out _);
        }

        LogClosed(context.ConnectionId, userId, reason);
        context.Abort();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed live connection {ConnectionId} of {User}: session {Reason}")]
    private partial void LogClosed(string connectionId, string user, SessionCheck reason);

    private sealed record Connection(HubCallerContext Context, SessionTicket Ticket);
}
