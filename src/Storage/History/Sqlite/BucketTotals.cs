namespace IotService.Storage.History.Sqlite;

/// <summary>Sum, min, max and count of one interval, from raw rows or hourly rollups; two parts of one interval add up.</summary>
internal readonly record struct BucketTotals(long Start, double Sum, double Min, double Max, long Count)
{
    public BucketTotals Add(BucketTotals other) =>
        new(Start, Sum + other.Sum, Math.Min(Min, other.Min), Math.Max(Max, other.Max), Count + other.Count);

    public AggregatePoint ToPoint() => AggregatePoint.Of(DateTimeOffset.FromUnixTimeMilliseconds(Start), Sum / Count, Min, Max, Count);
}
