using BenchmarkDotNet.Attributes;
using IotService.Storage.History;
using IotService.Storage.History.Spool;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotService.Benchmarks.History;

/// <summary>
/// Durable (QoS 1) appends to the write-ahead spool: one reading of 4 values per append, each
/// awaited until fsync-ed, by 1 or 100 concurrent appenders; group commit shares one fsync among
/// all appends waiting at the time. The folder is <c>SPOOL_BENCH_DIR</c> or the temp folder: it
/// must be on a real disk (not tmpfs) for the figures to mean anything.
/// </summary>
[MemoryDiagnoser]
public class SpoolBenchmarks
{
    private const int AppendsPerInvoke = 1_000;
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private HistoryPoint[] _batch = [];
    private WriteAheadSpool? _spool;
    private string _folder = "";
    private long _appends;

    [Params(1, 100)]
    public int Appenders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable("SPOOL_BENCH_DIR") ?? Path.GetTempPath();
        _folder = Path.Combine(root, "iot-spool-bench", Guid.NewGuid().ToString("N"));
        _batch = [new HistoryPoint("chiller-0001", "ch-200", "acme", T0, [new("temperature", 71.3), new("rpm", 1200), new("pressure", 3.25), new("current", 12.5)])];
        _spool = new WriteAheadSpool(new SpoolOptions { Path = _folder, MaxBytes = 8L << 30, SegmentBytes = 64L << 20 }, TimeProvider.System, NullLogger<WriteAheadSpool>.Instance);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        var stats = _spool!.Stats;
        Console.WriteLine($"// spool: {_appends} durable appends, {stats.Fsyncs} fsyncs, {(double)_appends / Math.Max(1, stats.Fsyncs):F1} appends per fsync, {stats.Bytes / (double)Math.Max(1, _appends):F0} bytes per append");
        await _spool.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = AppendsPerInvoke, Description = "durable append, 1 reading × 4 values")]
    public Task DurableAppend()
    {
        var spool = _spool!;
        var each = AppendsPerInvoke / Appenders;
        Interlocked.Add(ref _appends, each * Appenders);
        return Task.WhenAll(Enumerable.Range(0, Appenders).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                await spool.AppendAsync(_batch, waitForDurable: true, default);
            }
        })));
    }
}
