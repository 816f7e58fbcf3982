using System.Security.Claims;
using IotService.Dashboard.Auth.Tokens;

namespace IotService.Dashboard.Tests.Auth;

/// <summary>Session tickets and principals for tests.</summary>
public static class Tickets
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static SessionTicket For(string name, string role, string? customerId = null, string? technicianId = null, string stamp = "stamp-1", string session = "session-1")
        => new(name, name, role, customerId, technicianId, false, stamp, session, Now.AddHours(12));

    public static ClaimsPrincipal Principal(string name, string role, string? customerId = null, string? technicianId = null)
        => For(name, role, customerId, technicianId).ToPrincipal("Bearer");
}
