namespace IotService.Dashboard.Api;

/// <summary>The thing being created exists already; answered 409.</summary>
public sealed class ConflictException(string message) : InvalidOperationException(message);
