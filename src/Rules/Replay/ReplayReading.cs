namespace IotService.Rules.Replay;

/// <summary>One stored reading, as fed to a replay; <paramref name="Property"/> may be left out for a rule that reads one property.</summary>
public readonly record struct ReplayReading(string DeviceId, DateTimeOffset Timestamp, double Value, string? Property = null);
