namespace IotService.Dashboard.Users;

/// <summary>
/// Body of <c>POST /api/users</c>. Without <see cref="Password"/> the hub makes up a one-time password and answers it
/// once; with one, <see cref="MustChangePassword"/> says whether the user must replace it at first sign-in.
/// </summary>
public sealed record CreateUserRequest(
    string? Username,
    string? Role,
    string? CustomerId = null,
    string? TechnicianId = null,
    string? Password = null,
    bool? MustChangePassword = null);
