namespace IotService.Dashboard.Map;

/// <summary>Where the live map's messages go: SignalR connections in the hub (<see cref="HubMapClients"/>), a recorder in tests and benchmarks.</summary>
public interface IMapClients
{
    Task SendAsync(string connectionId, string method, object payload, CancellationToken cancellationToken);
}
