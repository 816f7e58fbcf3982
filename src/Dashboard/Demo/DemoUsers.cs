using IotService.Dashboard.Auth;

namespace IotService.Dashboard.Demo;

/// <summary>
/// The demo's sign-ins (SPEC §9): <c>admin</c>, <c>dispatcher</c>, <c>tech1</c>… for the fleet's
/// technicians, <c>customer1</c>… for its customers, all with the password <c>demo</c>.
/// Existing accounts are left alone; the list is printed at every demo start.
/// </summary>
public sealed partial class DemoUsers(UserStore users, DemoFleet fleet, ILogger<DemoUsers> logger)
{
    public const string Password = "demo";

    public IReadOnlyList<UserAccount> Accounts { get; } = Build(fleet);

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var account in Accounts)
        {
            if (await users.FindAsync(account.Username, cancellationToken) is null)
            {
                await users.SaveAsync(account with { PasswordHash = PasswordHasher.Hash(Password) }, cancellationToken);
            }
        }

        var list = string.Join(", ", Accounts.Select(a => a.CustomerId is not null ? $"{a.Username} ({a.CustomerId})" : a.TechnicianId is not null ? $"{a.Username} ({a.TechnicianId})" : a.Username));
        LogUsers(list, Password);
    }

    private static List<UserAccount> Build(DemoFleet fleet)
    {
        var accounts = new List<UserAccount> { new("admin", Roles.Admin, ""), new("dispatcher", Roles.Dispatcher, "") };
        accounts.AddRange(fleet.Technicians.Select((t, i) => new UserAccount($"tech{i + 1}", Roles.Technician, "", TechnicianId: t.Id)));
        accounts.AddRange(fleet.Customers.Select((c, i) => new UserAccount($"customer{i + 1}", Roles.Customer, "", CustomerId: c.Id)));
        return accounts;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo users (password '{Password}'), sign in with POST /api/auth/login: {Users}")]
    private partial void LogUsers(string users, string password);
}
