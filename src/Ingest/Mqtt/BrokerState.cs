namespace IotService.Ingest.Mqtt;

/// <summary>What <c>/health</c> and the stats report about the MQTT side.</summary>
public sealed class BrokerState
{
    private int _connections;
    private int _sessions;

    public string Mode { get; set; } = "embedded";

    /// <summary>Embedded: listening. External: connected and subscribed.</summary>
    public bool Ready { get; set; }

    public string? LastError { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>External: how many times the hub has connected and subscribed (reconnects included).</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public void Subscribed() => Interlocked.Increment(ref _sessions);

    public void Connected() => Interlocked.Increment(ref _connections);

    public void Disconnected() => Interlocked.Decrement(ref _connections);
}
