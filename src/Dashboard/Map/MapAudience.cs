using System.Security.Claims;
using IotService.Dashboard.Auth;

namespace IotService.Dashboard.Map;

/// <summary>
/// Who is looking at a map: a customer (<paramref name="CustomerScope"/> set) sees only its own devices and the values
/// its models show customers; everyone else sees every device with every value. Staff (admins and dispatchers) also see
/// the technicians.
/// </summary>
public sealed record MapAudience(bool Staff, string? CustomerScope)
{
    public static readonly MapAudience Everyone = new(Staff: true, CustomerScope: null);

    public bool IsCustomer => CustomerScope is not null;

    public bool MaySee(string? customerId) => CustomerScope is null || string.Equals(CustomerScope, customerId, StringComparison.Ordinal);

    public static MapAudience For(ClaimsPrincipal user) => new(user.IsStaff(), user.CustomerScope());
}
