using IotService.Dashboard.Live;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Map;

/// <summary>Sends the live map's messages to one SignalR connection of the map hub.</summary>
public sealed class HubMapClients(IHubContext<MapHub> hub) : IMapClients
{
    public Task SendAsync(string connectionId, string method, object payload, CancellationToken cancellationToken)
        => hub.Clients.Client(connectionId).SendAsync(method, payload, cancellationToken);
}
