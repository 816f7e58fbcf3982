using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Live;

/// <summary>
/// The live hub at <c>/hubs/map</c> (SPEC §5). A connection joins the <see cref="LiveGroups"/> its caller may
/// hear, and the server pushes to those groups (<see cref="LiveMethods"/>); clients call nothing yet. It closes when its
/// token expires (CloseOnAuthenticationExpiration) or its session ends (<see cref="LiveConnections"/>).
/// </summary>
/// <remarks>
/// Seam for the map: viewport subscriptions (a client joins the area it looks at and receives coalesced device
/// deltas for it) will be hub methods here, fed from the in-memory device projection, not from grains per client;
/// they join groups through <see cref="LiveGroupJoins.JoinAsync"/> like the groups below.
/// </remarks>
[Authorize]
public sealed class MapHub(LiveConnections connections) : Hub
{
    public const string Path = "/hubs/map";

    public override async Task OnConnectedAsync()
    {
        if (!await connections.AddAsync(Context))
        {
            return;
        }

        foreach (var group in LiveGroups.For(Context.User!))
        {
            await Groups.JoinAsync(Context, group);
        }

        await Clients.Caller.SendAsync(LiveMethods.Ready, new { });
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }
}
