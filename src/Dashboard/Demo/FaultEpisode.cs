namespace IotService.Dashboard.Demo;

/// <summary>A fault the simulator injects: one property of one device reads its fault value from start to end.</summary>
public readonly record struct FaultEpisode(int PropertyIndex, DateTimeOffset Start, DateTimeOffset End);
