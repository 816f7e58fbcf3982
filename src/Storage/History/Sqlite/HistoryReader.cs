using Microsoft.Data.Sqlite;

namespace IotService.Storage.History.Sqlite;

/// <summary>
/// The read side: raw ranges and per-interval aggregates of one series, each query on a pooled read-only
/// connection (WAL lets them read while the writer commits).
/// </summary>
/// <remarks>
/// The statements of one query run in one read transaction, so they see one snapshot: a retention chunk committing in
/// between would otherwise let a reading be seen both raw and rolled up, or in neither.
/// </remarks>
internal sealed class HistoryReader(string connectionString)
{
    private const long MillisecondsPerHour = 3_600_000;

    private const string Series = "SELECT id FROM series WHERE device = $device AND property = $property";

    private const string Rows = "SELECT ts, value FROM telemetry WHERE series = $series AND ts >= $from AND ts < $to";

    // Intervals are aligned to the Unix epoch: floor(ts / i) * i, written so that it also floors before 1970.
    private const string RawBuckets = $"""
        SELECT ts - ((ts % $interval) + $interval) % $interval AS bucket, sum(value), min(value), max(value), count(*)
        FROM ({Rows}) GROUP BY bucket
        """;

    // An hour counts where it starts: rollups answer at hour resolution, so [from, to) takes the hours starting in it.
    private const string RollupBuckets = """
        SELECT hour_start - ((hour_start % $interval) + $interval) % $interval AS bucket,
               sum(value_sum), min(value_min), max(value_max), sum(value_count)
        FROM telemetry_hourly WHERE series = $series AND hour_start >= $from AND hour_start < $to
        GROUP BY bucket
        """;

    public async Task<IReadOnlyList<RawPoint>> RawAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var points = new List<RawPoint>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var snapshot = connection.BeginTransaction(deferred: true);
        await using var command = await CreateCommandAsync(snapshot, $"{Rows} ORDER BY 1 LIMIT $limit", query, cancellationToken).ConfigureAwait(false);
        if (command is null)
        {
            return points;
        }

        command.Parameters.AddWithValue("$limit", query.Limit);
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
    public async Task<IReadOnlyList<AggregatePoint>> AggregateAsync(HistoryQuery query, long intervalMs, CancellationToken cancellationToken)
    {
        var buckets = new List<BucketTotals>();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var snapshot = connection.BeginTransaction(deferred: true);
        await ReadBucketsAsync(snapshot, RawBuckets, query, intervalMs, buckets, cancellationToken).ConfigureAwait(false);
        if (intervalMs % MillisecondsPerHour == 0)
        {
            await ReadBucketsAsync(snapshot, RollupBuckets, query, intervalMs, buckets, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Closes idle pooled connections, releasing their handles on the file.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = HistorySchema.ReaderPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ReadBucketsAsync(SqliteTransaction snapshot, string sql, HistoryQuery query, long intervalMs, List<BucketTotals> buckets, CancellationToken cancellationToken)
    {
        await using var command = await CreateCommandAsync(snapshot, sql, query, cancellationToken).ConfigureAwait(false);
        if (command is null)
        {
            return;
        }

        command.Parameters.AddWithValue("$interval", intervalMs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            buckets.Add(new BucketTotals(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
        }
    }

    /// <summary>A command with the series and range bound, or null when the device never had the property.</summary>
    private static async Task<SqliteCommand?> CreateCommandAsync(SqliteTransaction snapshot, string sql, HistoryQuery query, CancellationToken cancellationToken)
    {
        var command = snapshot.Connection!.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = Series;
        command.Parameters.AddWithValue("$device", query.DeviceId);
        command.Parameters.AddWithValue("$property", query.Property);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await command.DisposeAsync().ConfigureAwait(false);
                return null;
            }

            command.Parameters.Clear();
            command.Parameters.AddWithValue("$series", reader.GetInt64(0));
        }

        command.CommandText = sql;
        command.Parameters.AddWithValue("$from", query.From.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", query.To.ToUnixTimeMilliseconds());
        return command;
    }
}
