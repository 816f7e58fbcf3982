namespace IotService.Dashboard.Auth;

/// <summary>Body of <c>POST /api/auth/login</c>.</summary>
public sealed record LoginRequest(string? Username, string? Password);
