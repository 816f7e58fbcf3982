namespace IotService.Rules.Kinds;

/// <summary>
/// One value of one reading: <paramref name="Timestamp"/> is the device's time of the reading, which durations are
/// judged on; <paramref name="ReceivedAt"/> is when the hub received it, by the hub's clock.
/// </summary>
public readonly record struct RuleReading(string Property, double Value, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt);
