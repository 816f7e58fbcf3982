namespace IotService.Contracts.Replay;

/// <summary>How many times a replayed rule would have fired for one device.</summary>
[GenerateSerializer, Immutable]
public sealed record DeviceFirings([property: Id(0)] string DeviceId, [property: Id(1)] int Firings);
