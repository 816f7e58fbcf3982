using IotService.Dashboard.Map;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Live;

/// <summary>
/// The live hub at <c>/hubs/map</c> (SPEC §5; JSON and MessagePack). A connection joins the <see cref="LiveGroups"/> its
/// caller may hear, and the server pushes alarm, work-order and notification events to those groups
/// (<see cref="LiveMethods"/>). The live map is per connection instead (<see cref="LiveMap"/>): a client joins the
/// viewport it shows and watches the devices it lists, and is sent a snapshot, then what changes there, scoped to what its
/// caller may see. It closes when its token expires (CloseOnAuthenticationExpiration) or its session ends
/// (<see cref="LiveConnections"/>).
/// </summary>
[Authorize]
public sealed class MapHub(LiveConnections connections, LiveMap map) : Hub
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

    /// <summary>
    /// Replaces the connection's viewport; answers <c>viewportSnapshot</c> (sent before this call completes), then
    /// <c>deviceDeltas</c> for what changes in view.
    /// </summary>
    /// <exception cref="HubException">The viewport is missing a field or has one out of range.</exception>
    public Task JoinViewport(ViewportRequest request)
        => map.JoinAsync(Context.ConnectionId, MapAudience.For(Context.User!), Viewport.From(request));

    /// <summary>No more viewport snapshots or deltas for the map (watched devices still get theirs).</summary>
    public void LeaveViewport() => map.Leave(Context.ConnectionId);

    /// <summary>Replaces the devices the client shows outside its map (at most 500), which get deltas wherever they are.</summary>
    /// <exception cref="HubException">Too many ids, or an empty or overlong one.</exception>
    public void WatchDevices(string[]? ids) => map.Watch(Context.ConnectionId, MapAudience.For(Context.User!), WatchList.From(ids));

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        map.Disconnect(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
