namespace IotService.Rules.Replay;

/// <summary>One stored reading of the rule's property, as fed to a replay.</summary>
public readonly record struct ReplayReading(string DeviceId, DateTimeOffset Timestamp, double Value);
