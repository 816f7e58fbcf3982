namespace IotService.Dashboard.Users;

/// <summary>Body of <c>POST /api/users/{name}/password</c> (optional): the one-time password to set; without it, one is made up.</summary>
public sealed record SetPasswordRequest(string? Password);
