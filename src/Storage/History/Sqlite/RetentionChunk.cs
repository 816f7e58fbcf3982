namespace IotService.Storage.History.Sqlite;

/// <summary>
/// One short transaction of a retention pass: walks series in id order from <c>afterSeries</c> and removes
/// their rows older than <c>horizonMs</c>, until about <c>rowBudget</c> rows or <c>seriesBudget</c> series.
/// With <c>rollUp</c>, raw rows are first added into <c>telemetry_hourly</c> in the same transaction, so a
/// row is either still raw or counted in its hour, never both and never twice, whatever was interrupted.
/// </summary>
internal sealed class RetentionChunk(bool rollUp, long afterSeries, long horizonMs, int rowBudget, int seriesBudget)
{
    private const string AddToRollups = """
        INSERT INTO telemetry_hourly (series, hour_start, value_sum, value_min, value_max, value_count)
        SELECT $series, ts - ((ts % 3600000) + 3600000) % 3600000 AS hour, sum(value), min(value), max(value), count(*)
        FROM telemetry WHERE series = $series AND ts < $end
        GROUP BY hour
        ON CONFLICT (series, hour_start) DO UPDATE SET
            value_sum = value_sum + excluded.value_sum,
            value_min = min(value_min, excluded.value_min),
            value_max = max(value_max, excluded.value_max),
            value_count = value_count + excluded.value_count
        """;

    private readonly string _table = rollUp ? "telemetry" : "telemetry_hourly";
    private readonly string _time = rollUp ? "ts" : "hour_start";

    /// <summary>Where the next chunk starts: series ids above this one.</summary>
    public long NextAfterSeries { get; private set; }

    /// <summary>Rows deleted from <c>telemetry</c> (rolled up) or <c>telemetry_hourly</c>.</summary>
    public long Rows { get; private set; }

    /// <summary>Whether every series has been visited.</summary>
    public bool Finished { get; private set; }

    /// <summary>Runs inside the writer's transaction; starts over from scratch if replayed after a rollback.</summary>
    public long Execute(HistoryWriteSession session)
    {
        NextAfterSeries = afterSeries;
        Rows = 0;
        Finished = false;
        var seriesIds = SeriesAfter(session);
        foreach (var series in seriesIds)
        {
            var end = End(session, series, rowBudget - Rows);
            if (rollUp)
            {
                Run(session, AddToRollups, series, end);
            }

            Rows += Run(session, $"DELETE FROM {_table} WHERE series = $series AND {_time} < $end", series, end);
            if (end < horizonMs)
            {
                // Out of budget inside this series: the next chunk carries on with it.
                NextAfterSeries = series - 1;
                return Rows;
            }

            NextAfterSeries = series;
            if (Rows >= rowBudget)
            {
                return Rows;
            }
        }

        Finished = seriesIds.Count < seriesBudget;
        return Rows;
    }

    private List<long> SeriesAfter(HistoryWriteSession session)
    {
        using var command = session.CreateCommand("SELECT id FROM series WHERE id > $after ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$after", afterSeries);
        command.Parameters.AddWithValue("$limit", seriesBudget);
        using var reader = command.ExecuteReader();
        var ids = new List<long>(seriesBudget);
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>The horizon, or an earlier time below which the series has exactly <paramref name="budget"/> rows.</summary>
    private long End(HistoryWriteSession session, long series, long budget)
    {
        using var command = session.CreateCommand(
            $"SELECT {_time} FROM {_table} WHERE series = $series AND {_time} < $end ORDER BY {_time} LIMIT 1 OFFSET $budget");
        command.Parameters.AddWithValue("$series", series);
        command.Parameters.AddWithValue("$end", horizonMs);
        command.Parameters.AddWithValue("$budget", budget);
        return command.ExecuteScalar() is long end ? end : horizonMs;
    }

    private static int Run(HistoryWriteSession session, string sql, long series, long end)
    {
        using var command = session.CreateCommand(sql);
        command.Parameters.AddWithValue("$series", series);
        command.Parameters.AddWithValue("$end", end);
        return command.ExecuteNonQuery();
    }
}
