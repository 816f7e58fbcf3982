namespace IotService.Dashboard.Auth;

public static class PasswordChangeExtensions
{
    /// <summary>Lets a user who must still change a one-time password call this route.</summary>
    public static TBuilder AllowBeforePasswordChange<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(AllowedBeforePasswordChange.Instance);
}
