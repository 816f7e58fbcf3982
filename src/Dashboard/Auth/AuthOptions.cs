namespace IotService.Dashboard.Auth;

/// <summary>API authentication settings.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>A token that always authenticates as administrator; empty disables it.</summary>
    public string? BootstrapAdminToken { get; set; }

    /// <summary>Lifetime of tokens issued by <c>POST /api/auth/login</c>.</summary>
    public double TokenLifetimeHours { get; set; } = 12;
}
