namespace IotService.Dashboard.Auth;

/// <summary>Body of <c>GET /api/auth/me</c>; <see cref="ExpiresAt"/> is null for the bootstrap admin token.</summary>
public sealed record MeResponse(
    string? Username,
    string? Role,
    string? CustomerId,
    string? TechnicianId,
    bool MustChangePassword,
    DateTimeOffset? ExpiresAt,
    string? Authentication);
