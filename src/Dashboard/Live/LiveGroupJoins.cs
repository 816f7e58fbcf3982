using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Live;

public static class LiveGroupJoins
{
    /// <summary>The one way a connection enters a group: only after <see cref="LiveGroups.MayJoin"/> agrees.</summary>
    public static async Task JoinAsync(this IGroupManager groups, HubCallerContext context, string group)
    {
        if (context.User is not { } user || !LiveGroups.MayJoin(user, group))
        {
            throw new HubException($"Not allowed to join '{group}'.");
        }

        await groups.AddToGroupAsync(context.ConnectionId, group, context.ConnectionAborted);
    }
}
