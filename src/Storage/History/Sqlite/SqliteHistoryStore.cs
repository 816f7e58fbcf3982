using IotService.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Storage.History.Sqlite;

/// <summary>
/// Telemetry history in one SQLite file (the embedded default, SPEC §3): WAL, <c>synchronous=FULL</c>, and one writer
/// connection that group-commits concurrent writes, so a completed <see cref="WriteAsync"/> is on disk. In the hub its
/// writer is the spool's forwarder, which sends large batches; the spool, not this file, is where readings become durable.
/// </summary>
/// <remarks>
/// <para>
/// Layout (measured and argued in <see cref="HistorySchema"/>): one row of (series, ts, value) per value, the strings
/// once per series, clustered by series and time for range queries.
/// </para>
/// <para>
/// Retention (<see cref="ApplyRetentionAsync"/>, run hourly by <see cref="HistoryRetentionService"/>): raw
/// readings are kept <see cref="HistoryOptions.RawRetentionDays"/>, counted from now and rounded down to a
/// whole hour. Older raw readings are moved, a bounded chunk per transaction, into
/// <c>telemetry_hourly</c> (per series and hour: sum, min, max, count): each chunk adds its rows into their
/// hours and deletes them in the same transaction, so an interrupted or repeated run neither loses nor
/// double-counts a reading, and a reading written late for an hour already rolled up is added to it.
/// Hourly rows older than <see cref="HistoryOptions.DownsampledRetentionDays"/> are deleted the same way.
/// </para>
/// <para>
/// Aggregate queries whose interval is a whole number of hours add the hourly rows to what raw rows remain,
/// so their answers survive the raw rows' deletion; an hour counts where it starts, so a range should start
/// on the hour. Finer intervals and raw queries see raw rows only. Writing again a reading that was already
/// rolled up (a replay more than RawRetentionDays late) would count it twice: ingest rejects readings that old.
/// </para>
/// </remarks>
public sealed partial class SqliteHistoryStore : IHistoryStore, IHistoryRetention, IAsyncDisposable
{
    // Rows after which a write group is committed: ~0.1 s of upserts, so a write never waits long behind another.
    private const int MaxGroupValues = 50_000;

    private readonly SqliteHistoryTuning _tuning;
    private readonly HistoryReader _reader;
    private readonly HistoryWriteSession _session;
    private readonly GroupCommit<HistoryWriteSession> _writer;
    private readonly TimeProvider _timeProvider;
    private readonly IOptions<HistoryOptions> _options;
    private readonly ILogger<SqliteHistoryStore> _logger;

    /// <summary>Opens (creating if needed) the history file; fails here if the file cannot be used.</summary>
    public SqliteHistoryStore(string filePath, TimeProvider timeProvider, IOptions<HistoryOptions> options, ILogger<SqliteHistoryStore> logger)
        : this(filePath, timeProvider, options, logger, SqliteHistoryTuning.Default)
    {
    }

    internal SqliteHistoryStore(string filePath, TimeProvider timeProvider, IOptions<HistoryOptions> options, ILogger<SqliteHistoryStore> logger, SqliteHistoryTuning tuning)
    {
        _tuning = tuning;
        FilePath = Path.GetFullPath(filePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var connection = new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = true };
        _reader = new HistoryReader(new SqliteConnectionStringBuilder(connection.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        _timeProvider = timeProvider;
        _options = options;
        _logger = logger;

        // Opened here, not lazily: the tables must exist before the first query, and a bad path should
        // stop the host at start rather than fail every write later.
        _session = HistoryWriteSession.Open(new SqliteConnectionStringBuilder(connection.ConnectionString) { Pooling = false }.ToString());
        _writer = new GroupCommit<HistoryWriteSession>(new HistoryWriteTarget(_session), MaxGroupValues, logger, background: true);
    }

    /// <summary>Full path of the history file.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A value is NaN or infinite (nothing is written).</exception>
    public Task WriteAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken)
    {
        var values = 0;
        foreach (var point in points)
        {
            foreach (var value in point.Values)
            {
                if (!double.IsFinite(value.Value))
                {
                    throw new ArgumentException($"{point.DeviceId}/{value.Property} at {point.Timestamp:O} is {value.Value}; history keeps finite numbers only.", nameof(points));
                }
            }

            values += point.Values.Length;
        }

        return values == 0 ? Task.CompletedTask : _writer.WriteAsync(session => session.Upsert(points), values, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<RawPoint>> QueryRawAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        return _reader.RawAsync(query, cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not a positive whole number of milliseconds.</exception>
    public Task<IReadOnlyList<AggregatePoint>> QueryAggregateAsync(HistoryQuery query, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval < TimeSpan.FromMilliseconds(1) || interval.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be a positive whole number of milliseconds.");
        }

        return _reader.AggregateAsync(query, interval.Ticks / TimeSpan.TicksPerMillisecond, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var now = _timeProvider.GetUtcNow();
        var started = _timeProvider.GetTimestamp();
        var rawHorizon = HourFloor(now - TimeSpan.FromDays(options.RawRetentionDays));
        var rollupHorizon = HourFloor(now - TimeSpan.FromDays(options.DownsampledRetentionDays));

        var (rolledUp, deleted) = await new RetentionPass(_writer, _tuning).RunAsync(rawHorizon, rollupHorizon, cancellationToken).ConfigureAwait(false);

        LogRetentionApplied(rolledUp, DateTimeOffset.FromUnixTimeMilliseconds(rawHorizon), deleted,
            DateTimeOffset.FromUnixTimeMilliseconds(rollupHorizon), _timeProvider.GetElapsedTime(started));
    }

    /// <summary>Commits queued writes, closes the writer and releases pooled reader connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _session.Dispose();
        _reader.ClearPool();
    }

    private static long HourFloor(DateTimeOffset time)
    {
        const long Hour = 3_600_000;
        var ms = time.ToUnixTimeMilliseconds();
        return ms - (((ms % Hour) + Hour) % Hour);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "History retention: {RolledUp} raw readings before {RawHorizon:O} moved into hourly rollups, {Deleted} rollups before {RollupHorizon:O} deleted, in {Elapsed}")]
    private partial void LogRetentionApplied(long rolledUp, DateTimeOffset rawHorizon, long deleted, DateTimeOffset rollupHorizon, TimeSpan elapsed);
}
