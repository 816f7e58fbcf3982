namespace IotService.Dashboard.Live;

/// <summary>One SignalR send: client method <paramref name="Method"/> with <paramref name="Payload"/> to a group.</summary>
public sealed record LiveMessage(string Group, string Method, object Payload);
