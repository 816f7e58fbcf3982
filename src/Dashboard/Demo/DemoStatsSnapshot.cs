namespace IotService.Dashboard.Demo;

/// <summary>The simulator's counters at one moment.</summary>
/// <param name="Rejected">Publishes the broker answered with a failure reason code (MQTT 5 only).</param>
/// <param name="PublishFailures">Publishes that threw: connection lost, timeout.</param>
public sealed record DemoStatsSnapshot(
    int Devices,
    int Connected,
    long Connects,
    long ConnectFailures,
    long Published,
    long Rejected,
    long PublishFailures,
    int InFlight,
    string? LastError);
