using IotService.Dashboard.Users;

namespace IotService.Dashboard.Cluster;

/// <summary>Tells the other hubs which account this hub wrote, so a logout or a disabled account ends sessions everywhere.</summary>
public sealed class ClusterUserRelay(ClusterOutbox outbox) : IUserChangeListener
{
    public Task UserChangedAsync(HubUser user, CancellationToken cancellationToken)
    {
        outbox.AddUser(user.Id);
        return Task.CompletedTask;
    }
}
