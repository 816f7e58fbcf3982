using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Live;

/// <summary>
/// The live hub at <c>/hubs/map</c> (SPEC §5). A connection joins the <see cref="LiveGroups"/> its caller may
/// hear, and the server pushes to those groups (<see cref="LiveMethods"/>); clients call nothing yet.
/// </summary>
/// <remarks>
/// Seam for the map: viewport subscriptions (a client joins the area it looks at and receives coalesced device
/// deltas for it) will be hub methods here, fed from the in-memory device projection, not from grains per client.
/// </remarks>
[Authorize]
public sealed class MapHub : Hub
{
    public const string Path = "/hubs/map";

    public override async Task OnConnectedAsync()
    {
        foreach (var group in LiveGroups.For(Context.User!))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        }

        await base.OnConnectedAsync();
    }
}
