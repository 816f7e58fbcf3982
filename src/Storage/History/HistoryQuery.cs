namespace IotService.Storage.History;

/// <summary>A time range of one property of one device: <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
public sealed record HistoryQuery(string DeviceId, string Property, DateTimeOffset From, DateTimeOffset To, int Limit = 10_000);
