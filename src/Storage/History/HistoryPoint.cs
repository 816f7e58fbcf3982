using IotService.Contracts.Telemetry;

namespace IotService.Storage.History;

/// <summary>One reading of one device as history stores it: tags (device, model, customer), time, one field per property.</summary>
public sealed record HistoryPoint(string DeviceId, string ModelId, string? CustomerId, DateTimeOffset Timestamp, PropertyReading[] Values);
