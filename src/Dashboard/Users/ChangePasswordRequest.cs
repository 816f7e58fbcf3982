namespace IotService.Dashboard.Users;

/// <summary>Body of <c>POST /api/users/me/password</c>.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
