namespace IotService.Dashboard.Users;

/// <summary>Told after an account was written: caches refresh, live connections whose session it ended are closed.</summary>
public interface IUserChangeListener
{
    /// <param name="user">A copy of the account as stored; the listener may keep it.</param>
    Task UserChangedAsync(HubUser user, CancellationToken cancellationToken);
}
