namespace IotService.Dashboard.Auth;

/// <summary>Body of <c>GET /api/auth/antiforgery</c>: the value to send as <c>X-XSRF-TOKEN</c> (also set as the <c>XSRF-TOKEN</c> cookie).</summary>
public sealed record AntiforgeryResponse(string Token);
