using System.Security.Claims;
using IotService.Dashboard.Auth;

namespace IotService.Dashboard.Live;

/// <summary>
/// SignalR group names of the map hub and who may hear each. The hub puts each connection in the groups its caller may
/// hear, and whatever pushes to clients addresses only these groups, so visibility is decided in one place.
/// </summary>
public static class LiveGroups
{
    /// <summary>Administrators and dispatchers: they see every customer's things.</summary>
    public const string Staff = "staff";

    private const string CustomerPrefix = "customer:";
    private const string TechnicianPrefix = "technician:";
    private const string UserPrefix = "user:";

    public static string Customer(string customerId) => CustomerPrefix + customerId;

    public static string Technician(string technicianId) => TechnicianPrefix + technicianId;

    /// <summary>One signed-in user by name (an account manager or supervisor named on a customer).</summary>
    public static string User(string userName) => UserPrefix + userName;

    /// <summary>The groups a connection of <paramref name="user"/> joins.</summary>
    public static IReadOnlyList<string> For(ClaimsPrincipal user)
    {
        var groups = new List<string>();
        if (user.IsStaff())
        {
            groups.Add(Staff);
        }

        if (user.CustomerScope() is { Length: > 0 } customerId)
        {
            groups.Add(Customer(customerId));
        }

        if (user.IsInRole(Roles.Technician) && user.FindFirstValue(CallerExtensions.TechnicianIdClaim) is { Length: > 0 } technicianId)
        {
            groups.Add(Technician(technicianId));
        }

        if (user.Identity?.Name is { Length: > 0 } name)
        {
            groups.Add(User(name));
        }

        return groups;
    }

    /// <summary>Whether <paramref name="user"/> may hear <paramref name="group"/>: the check every join goes through.</summary>
    public static bool MayJoin(ClaimsPrincipal user, string group)
    {
        if (group == Staff)
        {
            return user.IsStaff();
        }

        var colon = group.IndexOf(':', StringComparison.Ordinal);
        var id = colon > 0 ? group[(colon + 1)..] : "";
        if (id.Length == 0)
        {
            return false;
        }

        return group[..(colon + 1)] switch
        {
            CustomerPrefix => user.IsStaff() || user.CustomerScope() == id,
            TechnicianPrefix => user.IsStaff() || user.TechnicianScope() == id,
            UserPrefix => user.Identity?.Name == id,
            _ => false,
        };
    }
}
