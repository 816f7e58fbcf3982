namespace IotService.Integration.Tests.Security.Fuzz;

/// <summary>
/// One publish of the MQTT fuzz: where, what, and the reason the hub must give for refusing it (<c>null</c>: it must
/// accept it; <see cref="Unknown"/>: a mutation whose fate only the hub decides, but which it must count somewhere).
/// </summary>
public sealed record TelemetryCase(string Topic, byte[] Payload, string? Reason, DateTimeOffset? Timestamp = null)
{
    public const string Unknown = "?";
}
