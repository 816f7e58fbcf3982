namespace IotService.Storage.History.Influx;

/// <summary>Raw and aggregate queries in InfluxQL, answered in the shapes of <see cref="IHistoryStore"/>.</summary>
internal sealed class InfluxHistoryReader(InfluxConnection connection, InfluxRetention retention, Func<CancellationToken, Task> setUpAgainAsync)
{
    public async Task<IReadOnlyList<RawPoint>> QueryRawAsync(HistoryQuery query, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var answer = await QueryAsync(InfluxStatements.Raw(query.DeviceId, query.Property, fromMs, toMs, query.Limit), cancellationToken);
        var points = new List<RawPoint>(answer.Times.Count);
        for (var i = 0; i < answer.Times.Count; i++)
        {
            if (answer.Numbers[i] is { } value)
            {
                points.Add(new RawPoint(DateTimeOffset.FromUnixTimeMilliseconds(answer.Times[i]), value));
            }
        }

        return points;
    }

    public async Task<IReadOnlyList<AggregatePoint>> QueryAggregateAsync(HistoryQuery query, long fromMs, long toMs, long intervalMs, CancellationToken cancellationToken)
    {
        var plan = AggregatePlan.Create(fromMs, toMs, intervalMs, retention.RawHorizonMs, retention.HasRollups);
        var buckets = new List<AggregatePoint>();
        if (plan.ReadsRollups)
        {
            var statement = InfluxStatements.DownsampledAggregate(query.DeviceId, query.Property, plan.RollupFromMs, plan.RollupToMs, intervalMs);
            AddBuckets(buckets, await QueryAsync(statement, cancellationToken), fromRollups: true);
        }

        if (plan.ReadsRaw)
        {
            var statement = InfluxStatements.Aggregate(query.DeviceId, query.Property, plan.RawFromMs, plan.RawToMs, intervalMs);
            AddBuckets(buckets, await QueryAsync(statement, cancellationToken), fromRollups: false);
        }

        return buckets;
    }

    // Rows are time, then mean (raw) or sum (rollups), min, max, count.
    private static void AddBuckets(List<AggregatePoint> buckets, InfluxResponse answer, bool fromRollups)
    {
        for (var i = 0; i < answer.Times.Count; i++)
        {
            var row = i * 4;
            if (answer.Numbers[row + 3] is not { } count || count <= 0)
            {
                continue;
            }

            var first = answer.Numbers[row] ?? double.NaN;
            var mean = fromRollups ? first / count : first;
            var start = DateTimeOffset.FromUnixTimeMilliseconds(answer.Times[i]);
            buckets.Add(AggregatePoint.Of(start, mean, answer.Numbers[row + 1] ?? double.NaN, answer.Numbers[row + 2] ?? double.NaN, (long)count));
        }
    }

    private async Task<InfluxResponse> QueryAsync(string statement, CancellationToken cancellationToken)
    {
        var answer = await connection.QueryAsync(statement, cancellationToken);
        if (IsDatabaseMissing(answer))
        {
            await setUpAgainAsync(cancellationToken);
            answer = await connection.QueryAsync(statement, cancellationToken);
            if (IsDatabaseMissing(answer))
            {
                throw new HistoryStoreUnavailableException($"InfluxDB has no database '{connection.Database}': {answer.Error}");
            }
        }

        if (answer.IsUnauthorized)
        {
            throw new HistoryStoreUnavailableException($"InfluxDB refused the credentials ({answer.StatusCode}): {answer.Error}");
        }

        return answer.Error is null ? answer : throw new InvalidOperationException($"InfluxDB refused '{statement}': {answer.Error}");
    }

    private static bool IsDatabaseMissing(InfluxResponse answer)
        => answer.Error?.StartsWith("database not found", StringComparison.Ordinal) == true;
}
