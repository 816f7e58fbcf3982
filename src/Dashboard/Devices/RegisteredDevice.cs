namespace IotService.Dashboard.Devices;

/// <summary>Answer of <c>POST /api/devices</c>: the only time the secret is shown.</summary>
public sealed record RegisteredDevice(string Id, string Secret, string ActivationCode);
