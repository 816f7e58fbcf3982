using System.Text.Json.Serialization;

namespace IotService.Dashboard.Users;

/// <summary>
/// A person who signs in, as ASP.NET Core Identity manages it: stored as a catalog document of kind <c>user</c> keyed by
/// <see cref="Id"/>. The first five properties keep the JSON names of the accounts stored before Identity, so those load.
/// </summary>
public sealed class HubUser
{
    /// <summary>As typed at creation; sign-in is case-insensitive.</summary>
    public string Username { get; set; } = "";

    public string Role { get; set; } = "";

    public string? PasswordHash { get; set; }

    public string? CustomerId { get; set; }

    public string? TechnicianId { get; set; }

    /// <summary>Changes whenever what a token vouches for changes (password, role, links, disabled), which revokes every token.</summary>
    public string? SecurityStamp { get; set; }

    public string? ConcurrencyStamp { get; set; }

    public bool Disabled { get; set; }

    /// <summary>The password is a one-time password set by an administrator; the user must choose its own first.</summary>
    public bool MustChangePassword { get; set; }

    public bool LockoutEnabled { get; set; } = true;

    public DateTimeOffset? LockoutEnd { get; set; }

    public int AccessFailedCount { get; set; }

    /// <summary>Sessions signed out before they expired; each is dropped once past its expiry.</summary>
    public List<RevokedSession> RevokedSessions { get; set; } = [];

    /// <summary>The catalog key and Identity's user id and normalized name.</summary>
    [JsonIgnore]
    public string Id => Normalize(Username);

    public static string Normalize(string username) => username.ToLowerInvariant();
}
