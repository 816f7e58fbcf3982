using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IotService.Storage.History.Influx;

/// <summary>
/// Telemetry history in InfluxDB over HTTP (1.x, or the v1-compatible API of 2.x/3.x): gzip-compressed
/// line-protocol batches to <c>/write</c>, InfluxQL to <c>/query</c>. Creates the database and its
/// retention (<see cref="InfluxRetention"/>) on first use. Thread-safe; one instance per process.
/// <para>
/// Replays are idempotent because InfluxDB overwrites a point with the same measurement, tag set and
/// timestamp field by field. That needs a stable tag set per device: <c>model</c> and <c>customer</c>
/// come from the device's registration at write time, so when a device moves to another customer
/// (or model) its later readings form a new series. Queries select by device only and still see the
/// whole history; but a reading replayed after the move is stored in both series, and a raw query
/// then returns that timestamp twice.
/// </para>
/// </summary>
public sealed class InfluxHistoryStore : IHistoryStore, IHistoryRetention
{
    private readonly InfluxRetention _retention;
    private readonly InfluxBatchWriter _writer;
    private readonly InfluxHistoryReader _reader;
    private readonly SemaphoreSlim _setUp = new(1, 1);
    private volatile bool _ready;

    /// <param name="httpClient">Shared and long-lived; its handler should decompress gzip answers. Not disposed here.</param>
    public InfluxHistoryStore(HttpClient httpClient, IOptions<HistoryOptions> options, TimeProvider timeProvider, ILogger<InfluxHistoryStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var history = options.Value;
        var connection = new InfluxConnection(httpClient, history.Influx, timeProvider);
        _retention = new InfluxRetention(connection, history, timeProvider, logger);
        _writer = new InfluxBatchWriter(connection, history.Influx.BatchSize, SetUpAgainAsync, logger);
        _reader = new InfluxHistoryReader(connection, _retention, SetUpAgainAsync);
    }

    /// <inheritdoc/>
    /// <exception cref="HistoryWriteRejectedException">Some points can never be stored; all the others were.</exception>
    /// <exception cref="HistoryStoreUnavailableException">InfluxDB is unreachable or refused to work; keep the points and retry later.</exception>
    public async Task WriteAsync(IReadOnlyList<HistoryPoint> points, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count > 0)
        {
            await EnsureSetUpAsync(cancellationToken);
            await _writer.WriteAsync(points, cancellationToken);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="HistoryStoreUnavailableException">InfluxDB is unreachable or refused to work.</exception>
    public async Task<IReadOnlyList<RawPoint>> QueryRawAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (from, to) = Range(query);
        if (query.Limit <= 0 || from >= to || !CanExist(query))
        {
            return [];
        }

        await EnsureSetUpAsync(cancellationToken);
        return await _reader.QueryRawAsync(query, from, to, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Intervals are aligned to the epoch (InfluxQL's <c>GROUP BY time</c>) and must be whole milliseconds.
    /// Where the range reaches before the raw retention horizon and the interval is whole hours, hourly
    /// rollups answer for that part (<see cref="AggregatePlan"/>).
    /// </remarks>
    /// <exception cref="HistoryStoreUnavailableException">InfluxDB is unreachable or refused to work.</exception>
    public async Task<IReadOnlyList<AggregatePoint>> QueryAggregateAsync(HistoryQuery query, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromMilliseconds(1));
        if (interval.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new ArgumentException("The interval must be a whole number of milliseconds.", nameof(interval));
        }

        var (from, to) = Range(query);
        if (from >= to || !CanExist(query))
        {
            return [];
        }

        await EnsureSetUpAsync(cancellationToken);
        return await _reader.QueryAggregateAsync(query, from, to, interval.Ticks / TimeSpan.TicksPerMillisecond, cancellationToken);
    }

    /// <summary>
    /// Creates or updates the database, retention policies and continuous query, then rolls up the hours
    /// of raw readings about to expire. InfluxDB deletes expired data itself; call this at start-up and
    /// then at least daily.
    /// </summary>
    public async Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        await _setUp.WaitAsync(cancellationToken);
        try
        {
            await _retention.SetUpAsync(cancellationToken);
            _ready = true;
            await _retention.RollUpExpiringHoursAsync(cancellationToken);
        }
        finally
        {
            _setUp.Release();
        }
    }

    // Whole milliseconds, rounded up: for a whole t, t >= From ⇔ t >= ⌈From⌉ and t < To ⇔ t < ⌈To⌉.
    private static (long From, long To) Range(HistoryQuery query) => (CeilingMs(query.From), CeilingMs(query.To));

    private static long CeilingMs(DateTimeOffset time)
    {
        var ms = time.ToUnixTimeMilliseconds() + (time.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? 0 : 1);
        return Math.Clamp(ms, LineProtocolRules.MinMilliseconds, LineProtocolRules.MaxMilliseconds);
    }

    // A name that cannot be written has no readings (and might not even be quotable in InfluxQL).
    private static bool CanExist(HistoryQuery query)
        => LineProtocolRules.FindNameProblem(query.DeviceId, fieldKey: false) is null
            && LineProtocolRules.FindNameProblem(query.Property, fieldKey: true) is null;

    private async Task EnsureSetUpAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _setUp.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await _retention.SetUpAsync(cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _setUp.Release();
        }
    }

    private Task SetUpAgainAsync(CancellationToken cancellationToken)
    {
        _ready = false;
        return EnsureSetUpAsync(cancellationToken);
    }
}
