namespace IotService.Dashboard.Users;

/// <summary>Body of <c>PUT /api/users/{name}</c>: the whole of what an administrator may change. Any change ends the user's sessions.</summary>
public sealed record UpdateUserRequest(string? Role, string? CustomerId = null, string? TechnicianId = null, bool Disabled = false);
