namespace IotService.Dashboard.Auth;

/// <summary>Claims of a signed-in principal beyond name, id and role (see <see cref="Tokens.SessionTicket"/>).</summary>
public static class HubClaims
{
    public const string SessionId = "sid";
    public const string SecurityStamp = "security_stamp";
    public const string ExpiresAt = "expires_at";
    public const string MustChangePassword = "must_change_password";

    /// <summary>The principal of the bootstrap admin token: no account, no session, no expiry.</summary>
    public const string BootstrapAdminName = "bootstrap-admin";
}
