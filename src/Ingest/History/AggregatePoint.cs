namespace IotService.Ingest.History;

/// <summary>One interval of a series; <see cref="Start"/> is aligned to the Unix epoch in multiples of the interval (as InfluxQL's GROUP BY time).</summary>
public sealed record AggregatePoint(DateTimeOffset Start, double Mean, double Min, double Max, long Count);
