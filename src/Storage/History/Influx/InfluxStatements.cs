using static IotService.Storage.History.Influx.InfluxQl;

namespace IotService.Storage.History.Influx;

/// <summary>
/// The InfluxQL this store sends. Properties are selected as <c>::field</c> and the device matched
/// as <c>::tag</c>, so that a property called "device" or "model" cannot be mistaken for a tag.
/// </summary>
internal static class InfluxStatements
{
    /// <summary>Raw readings; the database's DEFAULT policy, so writes need no <c>rp=</c> (which 2.x/3.x map differently).</summary>
    public const string RawPolicy = "raw";

    public const string DownsampledPolicy = "downsampled";

    /// <summary>Hourly rollups in <see cref="DownsampledPolicy"/>: fields <c>sum_p</c>, <c>min_p</c>, <c>max_p</c>, <c>count_p</c> per property p, same tags.</summary>
    public const string RollupMeasurement = "telemetry_hourly";

    public const string ContinuousQuery = "telemetry_hourly";

    /// <summary>How far back each hourly run of the continuous query recomputes, for readings that arrive late.</summary>
    public const string ResampleFor = "2h";

    public static string Raw(string device, string property, long fromMs, long toMs, int limit)
        => $"SELECT {Field(property)} FROM {Identifier(LineProtocolWriter.Measurement)} WHERE {Range(device, fromMs, toMs)} ORDER BY time ASC LIMIT {limit}";

    public static string Aggregate(string device, string property, long fromMs, long toMs, long intervalMs)
    {
        var field = Field(property);
        return $"SELECT mean({field}), min({field}), max({field}), count({field}) FROM {Identifier(LineProtocolWriter.Measurement)}"
            + $" WHERE {Range(device, fromMs, toMs)} GROUP BY time({intervalMs}ms) fill(none)";
    }

    /// <summary>Combines hourly rollups into longer intervals; the mean is Σsum ÷ Σcount, computed by the caller.</summary>
    public static string DownsampledAggregate(string device, string property, long fromMs, long toMs, long intervalMs)
        => $"SELECT sum({Field("sum_" + property)}), min({Field("min_" + property)}), max({Field("max_" + property)}), sum({Field("count_" + property)})"
            + $" FROM {Identifier(DownsampledPolicy)}.{Identifier(RollupMeasurement)}"
            + $" WHERE {Range(device, fromMs, toMs)} GROUP BY time({intervalMs}ms) fill(none)";

    public static string CreateDatabase(string database) => $"CREATE DATABASE {Identifier(database)}";

    /// <param name="verb"><c>CREATE</c>, or <c>ALTER</c> when the policy exists with other settings.</param>
    public static string RetentionPolicy(string verb, string policy, string database, TimeSpan duration, bool isDefault)
        => $"{verb} RETENTION POLICY {Identifier(policy)} ON {Identifier(database)} DURATION {Minutes(duration)} REPLICATION 1"
            + $" SHARD DURATION {ShardDuration(duration)}{(isDefault ? " DEFAULT" : "")}";

    /// <summary>
    /// InfluxDB's own default for a new policy, stated so that ALTER can shorten a policy below its
    /// current shard duration (which InfluxDB refuses) and CREATE stays identical to what exists.
    /// </summary>
    public static string ShardDuration(TimeSpan duration)
        => duration < TimeSpan.FromDays(2) ? "1h" : duration < TimeSpan.FromDays(180) ? "1d" : "7d";

    public static string ShowRetentionPolicies(string database) => $"SHOW RETENTION POLICIES ON {Identifier(database)}";

    public static string CreateContinuousQuery(string database)
        => $"CREATE CONTINUOUS QUERY {Identifier(ContinuousQuery)} ON {Identifier(database)} RESAMPLE FOR {ResampleFor} BEGIN {RollUp(database, null)} END";

    public static string DropContinuousQuery(string database) => $"DROP CONTINUOUS QUERY {Identifier(ContinuousQuery)} ON {Identifier(database)}";

    /// <summary>
    /// The continuous query's body, also run by hand for a time range (<see cref="InfluxRetention"/>):
    /// rewriting an hour overwrites its rollup point, so running it again is harmless.
    /// </summary>
    public static string RollUp(string database, (long FromMs, long ToMs)? range)
    {
        var where = range is { } r ? $" WHERE time >= {Time(r.FromMs)} AND time < {Time(r.ToMs)}" : "";
        return $"SELECT sum(*), min(*), max(*), count(*) INTO {Identifier(database)}.{Identifier(DownsampledPolicy)}.{Identifier(RollupMeasurement)}"
            + $" FROM {Identifier(database)}.{Identifier(RawPolicy)}.{Identifier(LineProtocolWriter.Measurement)}{where} GROUP BY time(1h), *";
    }

    private static string Field(string property) => Identifier(property) + "::field";

    private static string Range(string device, long fromMs, long toMs)
        => $"\"device\"::tag = {InfluxQl.String(device)} AND time >= {Time(fromMs)} AND time < {Time(toMs)}";
}
