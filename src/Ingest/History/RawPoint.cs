namespace IotService.Ingest.History;

public sealed record RawPoint(DateTimeOffset Timestamp, double Value);
