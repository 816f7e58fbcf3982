using System.Security.Claims;

namespace IotService.Dashboard.Auth;

/// <summary>Who is calling, as the API's access rules need it.</summary>
public static class CallerExtensions
{
    public const string CustomerIdClaim = "customer_id";
    public const string TechnicianIdClaim = "technician_id";

    public static bool IsStaff(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Dispatcher);

    /// <summary>The customer a customer account belongs to; null for everyone else.</summary>
    public static string? CustomerScope(this ClaimsPrincipal user)
        => user.IsInRole(Roles.Customer) ? user.FindFirstValue(CustomerIdClaim) ?? "" : null;

    /// <summary>Whether the caller may see a thing owned by <paramref name="customerId"/>; others' things answer 404, not 403.</summary>
    public static bool MaySee(this ClaimsPrincipal user, string? customerId)
        => user.CustomerScope() is not { } scope || string.Equals(scope, customerId, StringComparison.Ordinal);

    /// <summary>The technician a technician account belongs to; null for everyone else.</summary>
    public static string? TechnicianScope(this ClaimsPrincipal user)
        => user.IsInRole(Roles.Technician) ? user.FindFirstValue(TechnicianIdClaim) ?? "" : null;

    /// <summary>Whether the caller may see a work order assigned to <paramref name="technicianId"/>: a technician only its own.</summary>
    public static bool MayWork(this ClaimsPrincipal user, string? technicianId)
        => user.TechnicianScope() is not { } scope || string.Equals(scope, technicianId, StringComparison.Ordinal);

    /// <summary>The name stamped on the steps a caller takes (alarm and work-order histories).</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
