namespace IotService.Dashboard.Models.Replay;

/// <summary>How many times a replayed rule would have fired for one device.</summary>
public sealed record DeviceFirings(string DeviceId, int Firings);
