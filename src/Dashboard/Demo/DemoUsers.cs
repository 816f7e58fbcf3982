using IotService.Dashboard.Auth;
using IotService.Dashboard.Users;

namespace IotService.Dashboard.Demo;

/// <summary>
/// The demo's sign-ins (SPEC §9): <c>admin</c>, <c>dispatcher</c>, <c>tech1</c>… for the fleet's technicians,
/// <c>customer1</c>… for its customers, all with the password <c>demo</c>. They are ordinary accounts made by
/// <see cref="UserAccounts"/>; only the password skips the length rule, since the demo prints it anyway.
/// Existing accounts are left alone; the list is printed at every demo start.
/// </summary>
public sealed partial class DemoUsers(IServiceScopeFactory scopes, DemoFleet fleet, ILogger<DemoUsers> logger)
{
    public const string Password = "demo";

    public IReadOnlyList<HubUser> Accounts { get; } = Build(fleet);

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            foreach (var account in Build(fleet))
            {
                await accounts.EnsureWithKnownPasswordAsync(account, Password, cancellationToken);
            }
        }

        var list = string.Join(", ", Accounts.Select(a => a.CustomerId is not null ? $"{a.Username} ({a.CustomerId})" : a.TechnicianId is not null ? $"{a.Username} ({a.TechnicianId})" : a.Username));
        LogUsers(list, Password);
    }

    private static List<HubUser> Build(DemoFleet fleet)
    {
        var accounts = new List<HubUser> { UserAccounts.NewUser("admin", Roles.Admin, null, null), UserAccounts.NewUser("dispatcher", Roles.Dispatcher, null, null) };
        accounts.AddRange(fleet.Technicians.Select((t, i) => UserAccounts.NewUser($"tech{i + 1}", Roles.Technician, null, t.Id)));
        accounts.AddRange(fleet.Customers.Select((c, i) => UserAccounts.NewUser($"customer{i + 1}", Roles.Customer, c.Id, null)));
        return accounts;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo users (password '{Password}'), sign in with POST /api/auth/login or at /login: {Users}")]
    private partial void LogUsers(string users, string password);
}
