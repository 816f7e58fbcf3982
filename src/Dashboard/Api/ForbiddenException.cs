namespace IotService.Dashboard.Api;

/// <summary>The caller's role may not do this to a thing it may see; answered 403 with the reason.</summary>
public sealed class ForbiddenException(string message) : InvalidOperationException(message);
