using BenchmarkDotNet.Attributes;
using IotService.Contracts.Telemetry;
using IotService.Storage.History;
using IotService.Storage.History.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IotService.Benchmarks.History;

/// <summary>
/// Durable batch inserts into the SQLite history store: points of 4 values from 1,000 devices, each
/// operation writing new timestamps into one file that grows over the run (a fresh file per benchmark case),
/// as in steady ingest. Values per operation = BatchSize × 4; throughput = that ÷ Mean.
/// </summary>
[MemoryDiagnoser]
public class SqliteHistoryBenchmarks
{
    private const int Devices = 1_000;
    private const int Writers = 20;
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Properties = ["temperature", "rpm", "pressure", "current"];

    private readonly string[] _devices = Enumerable.Range(0, Devices).Select(i => $"dev-{i:D4}").ToArray();

    private readonly PropertyReading[][] _values = Enumerable.Range(0, 16)
        .Select(i => Properties.Select((p, j) => new PropertyReading(p, 20 + i * 0.5 + j * 100)).ToArray())
        .ToArray();

    private string _folder = "";
    private SqliteHistoryStore _store = null!;
    private long _readings;

    [Params(1_000, 5_000)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"history-bench-{Guid.NewGuid():N}");
        _store = new SqliteHistoryStore(Path.Combine(_folder, "history.db"), TimeProvider.System, Options.Create(new HistoryOptions()), NullLogger<SqliteHistoryStore>.Instance);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Description = "one writer, one batch")]
    public Task OneBatch() => _store.WriteAsync(NextBatch(BatchSize), default);

    [Benchmark(Description = "20 concurrent writers, BatchSize/20 points each (group commit)")]
    public Task ConcurrentWriters()
    {
        var writes = new Task[Writers];
        for (var i = 0; i < Writers; i++)
        {
            var batch = NextBatch(BatchSize / Writers);
            writes[i] = Task.Run(() => _store.WriteAsync(batch, default));
        }

        return Task.WhenAll(writes);
    }

    // Reading n comes from device n % 1,000 at second n / 1,000: every batch is new readings, spread over all devices.
    private List<HistoryPoint> NextBatch(int size)
    {
        var points = new List<HistoryPoint>(size);
        for (var i = 0; i < size; i++, _readings++)
        {
            points.Add(new HistoryPoint(_devices[_readings % Devices], "chiller-x", "cust-1", T0.AddSeconds(_readings / Devices), _values[_readings % _values.Length]));
        }

        return points;
    }
}
