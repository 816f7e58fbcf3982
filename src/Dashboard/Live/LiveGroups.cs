using System.Security.Claims;
using IotService.Dashboard.Auth;

namespace IotService.Dashboard.Live;

/// <summary>
/// SignalR group names of the map hub. The hub puts each connection in the groups its caller may hear,
/// and whatever pushes to clients addresses only these groups, so visibility is decided in one place.
/// </summary>
public static class LiveGroups
{
    /// <summary>Administrators and dispatchers: they see every customer's things.</summary>
    public const string Staff = "staff";

    public static string Customer(string customerId) => "customer:" + customerId;

    public static string Technician(string technicianId) => "technician:" + technicianId;

    /// <summary>One signed-in user by name (an account manager or supervisor named on a customer).</summary>
    public static string User(string userName) => "user:" + userName;

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
}
