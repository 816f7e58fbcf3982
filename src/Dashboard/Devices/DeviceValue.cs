namespace IotService.Dashboard.Devices;

/// <summary>The last value of a property as the API shows it: the reading's time and the model's unit (null for flags and counts).</summary>
public sealed record DeviceValue(double Value, DateTimeOffset Timestamp, string? Unit);
