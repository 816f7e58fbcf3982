namespace IotService.Dashboard.Auth;

/// <summary>A person who signs in: role, and the customer or technician the account belongs to.</summary>
public sealed record UserAccount(string Username, string Role, string PasswordHash, string? CustomerId = null, string? TechnicianId = null);
