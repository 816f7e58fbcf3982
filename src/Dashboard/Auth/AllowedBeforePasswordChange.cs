namespace IotService.Dashboard.Auth;

/// <summary>Endpoint metadata: a user who holds a one-time password may call this route (see <see cref="PasswordChangeGate"/>).</summary>
public sealed class AllowedBeforePasswordChange
{
    public static readonly AllowedBeforePasswordChange Instance = new();

    private AllowedBeforePasswordChange()
    {
    }
}
