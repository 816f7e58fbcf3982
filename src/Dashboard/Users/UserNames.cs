using IotService.Dashboard.Api;

namespace IotService.Dashboard.Users;

public static class UserNames
{
    /// <summary>The characters Identity's user validator allows: those of <see cref="Ids"/>.</summary>
    public const string AllowedCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";

    /// <summary>Taken by <c>/api/users/me/…</c>.</summary>
    public const string Me = "me";

    public const string Rule = Ids.Rule + "; not 'me'";

    /// <summary>No account has a longer name (<see cref="Ids"/>).</summary>
    public const int MaxLength = 64;

    public static bool IsValid(string? name) => Ids.IsValid(name) && !string.Equals(name, Me, StringComparison.OrdinalIgnoreCase);
}
