namespace IotService.Dashboard.Users;

/// <summary>A signed-out session, remembered until its token would have expired anyway.</summary>
public sealed record RevokedSession(string Id, DateTimeOffset ExpiresAt);
