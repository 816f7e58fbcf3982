namespace IotService.Ingest.Directory;

/// <summary>What ingest needs to know about a device on the hot path, without a grain call.</summary>
public sealed record DeviceEntry(string Id, string ModelId, string? CustomerId, string SecretHash);
