namespace IotService.Storage.History;

public sealed record RawPoint(DateTimeOffset Timestamp, double Value);
