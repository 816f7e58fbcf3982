using Microsoft.Data.Sqlite;

namespace IotService.Ingest.History.Sqlite;

/// <summary>The read side: raw ranges and per-interval aggregates of one series, on a reader connection.</summary>
internal static class HistoryQueries
{
    private const long MillisecondsPerHour = 3_600_000;

    // Intervals are aligned to the Unix epoch: floor(ts / i) * i, written so that it also floors before 1970.
    private const string RawBuckets = """
        SELECT t.ts - ((t.ts % $interval) + $interval) % $interval AS bucket, sum(t.value), min(t.value), max(t.value), count(*)
        FROM series s JOIN telemetry t ON t.series = s.id
        WHERE s.device = $device AND s.property = $property AND t.ts >= $from AND t.ts < $to
        GROUP BY bucket
        """;

    // An hour counts where it starts: the rollup answers at hour resolution, so [from, to) takes the
    // hours starting inside it.
    private const string RollupBuckets = """
        SELECT h.hour_start - ((h.hour_start % $interval) + $interval) % $interval AS bucket,
               sum(h.value_sum), min(h.value_min), max(h.value_max), sum(h.value_count)
        FROM series s JOIN telemetry_hourly h ON h.series = s.id
        WHERE s.device = $device AND s.property = $property AND h.hour_start >= $from AND h.hour_start < $to
        GROUP BY bucket
        """;

    public static async Task<IReadOnlyList<RawPoint>> RawAsync(SqliteConnection connection, HistoryQuery query, CancellationToken cancellationToken)
    {
        const string Sql = """
            SELECT t.ts, t.value FROM series s JOIN telemetry t ON t.series = s.id
            WHERE s.device = $device AND s.property = $property AND t.ts >= $from AND t.ts < $to
            ORDER BY t.ts LIMIT $limit
            """;
        await using var command = CreateCommand(connection, Sql, query);
        command.Parameters.AddWithValue("$limit", query.Limit);
        var points = new List<RawPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            points.Add(new RawPoint(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetDouble(1)));
        }

        return points;
    }

    /// <summary>
    /// Raw rows per interval, plus hourly rollups when the interval is whole hours: rows moved into a rollup
    /// were deleted in the same transaction, so the two never count a reading twice.
    /// </summary>
    public static async Task<IReadOnlyList<AggregatePoint>> AggregateAsync(SqliteConnection connection, HistoryQuery query, long intervalMs, CancellationToken cancellationToken)
    {
        var buckets = new List<BucketTotals>();
        await ReadBucketsAsync(connection, RawBuckets, query, intervalMs, buckets, cancellationToken).ConfigureAwait(false);
        if (intervalMs % MillisecondsPerHour == 0)
        {
            await ReadBucketsAsync(connection, RollupBuckets, query, intervalMs, buckets, cancellationToken).ConfigureAwait(false);
        }

        buckets.Sort((a, b) => a.Start.CompareTo(b.Start));
        var points = new List<AggregatePoint>(buckets.Count);
        for (var i = 0; i < buckets.Count; i++)
        {
            var bucket = buckets[i];
            while (i + 1 < buckets.Count && buckets[i + 1].Start == bucket.Start)
            {
                bucket = bucket.Add(buckets[++i]);
            }

            points.Add(bucket.ToPoint());
        }

        return points;
    }

    private static async Task ReadBucketsAsync(SqliteConnection connection, string sql, HistoryQuery query, long intervalMs, List<BucketTotals> buckets, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, sql, query);
        command.Parameters.AddWithValue("$interval", intervalMs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            buckets.Add(new BucketTotals(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
        }
    }

    private static SqliteCommand CreateCommand(SqliteConnection connection, string sql, HistoryQuery query)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$device", query.DeviceId);
        command.Parameters.AddWithValue("$property", query.Property);
        command.Parameters.AddWithValue("$from", query.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", query.To.ToUnixTimeMilliseconds());
        return command;
    }
}
