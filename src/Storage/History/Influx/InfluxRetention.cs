using Microsoft.Extensions.Logging;
using static IotService.Storage.History.Influx.InfluxStatements;

namespace IotService.Storage.History.Influx;

/// <summary>
/// The database and its retention, made idempotently: policy <c>raw</c> (DEFAULT, raw readings for
/// <see cref="HistoryOptions.RawRetentionDays"/>), policy <c>downsampled</c> (hourly rollups for
/// <see cref="HistoryOptions.DownsampledRetentionDays"/>) and a continuous query that fills it every
/// hour. InfluxDB deletes expired data itself; <see cref="RollUpExpiringHoursAsync"/> recomputes the
/// rollups of the hours about to expire, so readings that arrived too late for the continuous query count too.
/// </summary>
internal sealed partial class InfluxRetention(InfluxConnection connection, HistoryOptions options, TimeProvider timeProvider, ILogger logger)
{
    private const long HourMs = 3_600_000;
    private const long DayMs = 24 * HourMs;
    private long _rolledUpUntilMs = long.MinValue;

    public TimeSpan RawDuration { get; } = PolicyDuration(options.RawRetentionDays);

    public TimeSpan DownsampledDuration { get; } = PolicyDuration(options.DownsampledRetentionDays);

    /// <summary>
    /// Whether the rollups exist: 1.x after <see cref="SetUpAsync"/>; not through the v1 API of 2.x/3.x,
    /// which has no retention policies or continuous queries — then every aggregate reads raw readings.
    /// </summary>
    public bool HasRollups { get; private set; }

    /// <summary>Raw readings from this time on are still kept (InfluxDB drops whole shards, never earlier).</summary>
    public long RawHorizonMs => (timeProvider.GetUtcNow() - RawDuration).ToUnixTimeMilliseconds();

    /// <summary>
    /// Creates or updates everything. Refusals are logged, not thrown: a user without admin rights, or
    /// 2.x/3.x, cannot run these statements, and a database provisioned by its operator still works.
    /// </summary>
    public async Task SetUpAsync(CancellationToken cancellationToken)
    {
        var database = connection.Database;
        await ExecuteLoggedAsync(CreateDatabase(database), cancellationToken);
        await EnsurePolicyAsync(RawPolicy, RawDuration, isDefault: true, cancellationToken);
        await EnsurePolicyAsync(DownsampledPolicy, DownsampledDuration, isDefault: false, cancellationToken);

        // A continuous query cannot be altered; an outdated one (another resample window) is replaced.
        var created = await connection.ExecuteAsync(CreateContinuousQuery(database), cancellationToken);
        if (created.Error is { } error && error.Contains("already exists", StringComparison.Ordinal))
        {
            await ExecuteLoggedAsync(DropContinuousQuery(database), cancellationToken);
            await ExecuteLoggedAsync(CreateContinuousQuery(database), cancellationToken);
        }
        else if (created.Error is not null)
        {
            LogRefused(CreateContinuousQuery(database), created.Error);
        }

        var policies = await connection.QueryAsync(ShowRetentionPolicies(database), cancellationToken);
        HasRollups = policies.Error is null && policies.Names.Contains(RawPolicy) && policies.Names.Contains(DownsampledPolicy);
        if (!HasRollups)
        {
            LogNoRollups(database, policies.Error ?? string.Join(", ", policies.Names));
        }
    }

    /// <summary>
    /// Recomputes the hourly rollups of the day of raw readings that expires next, from where the last
    /// call stopped. Called periodically (at least daily), every hour is rolled up once more just before
    /// its raw readings go; after a restart one day is done again, which is harmless.
    /// </summary>
    public async Task RollUpExpiringHoursAsync(CancellationToken cancellationToken)
    {
        if (!HasRollups)
        {
            return;
        }

        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var horizonHour = FloorToHour(RawHorizonMs);
        var from = Math.Max(horizonHour, _rolledUpUntilMs);
        var to = Math.Min(horizonHour + DayMs, FloorToHour(now));
        if (from >= to)
        {
            return;
        }

        // An hour per statement: each stays well inside the request timeout, and progress survives a failure.
        for (var hour = from; hour < to; hour += HourMs)
        {
            var statement = RollUp(connection.Database, (hour, hour + HourMs));
            var answer = await connection.ExecuteAsync(statement, cancellationToken);
            if (answer.Error is not null)
            {
                LogRefused(statement, answer.Error);
                return;
            }

            _rolledUpUntilMs = hour + HourMs;
        }

        LogRolledUp(connection.Database, DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to));
    }

    /// <summary>Whole minutes, at least an hour: InfluxDB refuses shorter retention policies.</summary>
    internal static TimeSpan PolicyDuration(double days)
        => TimeSpan.FromMinutes(Math.Max(60, Math.Round(days * 24 * 60)));

    private static long FloorToHour(long ms) => ms - (((ms % HourMs) + HourMs) % HourMs);

    private async Task EnsurePolicyAsync(string policy, TimeSpan duration, bool isDefault, CancellationToken cancellationToken)
    {
        var database = connection.Database;
        var created = await connection.ExecuteAsync(RetentionPolicy("CREATE", policy, database, duration, isDefault), cancellationToken);
        if (created.Error is null)
        {
            return;
        }

        // CREATE is a no-op for an identical policy and an error for a different one: then ALTER it.
        if (created.Error.Contains("already exists", StringComparison.Ordinal))
        {
            if (await ExecuteLoggedAsync(RetentionPolicy("ALTER", policy, database, duration, isDefault), cancellationToken))
            {
                LogPolicyChanged(policy, database, duration);
            }

            return;
        }

        LogRefused(RetentionPolicy("CREATE", policy, database, duration, isDefault), created.Error);
    }

    private async Task<bool> ExecuteLoggedAsync(string statement, CancellationToken cancellationToken)
    {
        var answer = await connection.ExecuteAsync(statement, cancellationToken);
        if (answer.Error is not null)
        {
            LogRefused(statement, answer.Error);
        }

        return answer.Error is null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB refused '{Statement}': {Error}")]
    private partial void LogRefused(string statement, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention policy {Policy} of InfluxDB database {Database} now keeps data for {Duration}")]
    private partial void LogPolicyChanged(string policy, string database, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "InfluxDB database {Database} has no hourly rollups (policies: {Policies}); aggregates read raw readings only")]
    private partial void LogNoRollups(string database, string policies);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rolled up InfluxDB database {Database} from {From:O} to {To:O}")]
    private partial void LogRolledUp(string database, DateTimeOffset from, DateTimeOffset to);
}
