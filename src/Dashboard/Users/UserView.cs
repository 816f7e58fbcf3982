using System.Text.Json.Serialization;

namespace IotService.Dashboard.Users;

/// <summary>An account as the API shows it: never its password hash, security stamp or sessions.</summary>
public sealed record UserView(
    string Username,
    string Role,
    string? CustomerId,
    string? TechnicianId,
    bool Disabled,
    bool MustChangePassword,
    DateTimeOffset? LockedOutUntil)
{
    /// <summary>A password the hub made up, shown in this one answer only.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OneTimePassword { get; init; }

    public static UserView From(HubUser user, DateTimeOffset now)
        => new(user.Username, user.Role, user.CustomerId, user.TechnicianId, user.Disabled, user.MustChangePassword, user.LockoutEnd > now ? user.LockoutEnd : null);
}
