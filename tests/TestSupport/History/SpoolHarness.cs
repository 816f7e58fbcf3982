using IotService.Storage.History;
using IotService.Storage.History.Spool;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotService.TestSupport.History;

/// <summary>A spool in a fresh temp folder, a fake store and clock, and a forwarder to start and stop; the folder goes on dispose.</summary>
public sealed class SpoolHarness : IAsyncDisposable
{
    private SpoolForwarder? _forwarder;

    /// <param name="commitWindowMilliseconds">Zero by default: most tests count fsyncs and hold commits themselves.</param>
    public SpoolHarness(long maxBytes = 64L << 20, long segmentBytes = 1L << 20, string? folder = null, double commitWindowMilliseconds = 0, long commitMaxBytes = 1L << 20)
    {
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "iot-spool-tests", Guid.NewGuid().ToString("N"));
        Options = new SpoolOptions
        {
            Path = Folder, MaxBytes = maxBytes, SegmentBytes = segmentBytes,
            CommitWindowMilliseconds = commitWindowMilliseconds, CommitMaxBytes = commitMaxBytes,
        };
        Spool = Open();
    }

    public string Folder { get; }

    public SpoolOptions Options { get; }

    public ObservedClock Clock { get; } = new();

    public FakeHistoryStore Store { get; set; } = new();

    public WriteAheadSpool Spool { get; private set; }

    public List<string> SegmentFiles()
        => System.IO.Directory.EnumerateFiles(Folder, "*.seg").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

    public Task StartForwarderAsync()
    {
        _forwarder = new SpoolForwarder(Spool, Store, Clock, NullLogger<SpoolForwarder>.Instance);
        return _forwarder.StartAsync(CancellationToken.None);
    }

    public async Task StopForwarderAsync()
    {
        if (_forwarder is { } forwarder)
        {
            _forwarder = null;
            await forwarder.StopAsync(CancellationToken.None);
            forwarder.Dispose();
        }
    }

    /// <summary>Stops everything and opens the same folder again, as a restarted hub would; <paramref name="whileStopped"/> may meddle with the files in between.</summary>
    public async Task RestartAsync(Action? whileStopped = null)
    {
        await StopForwarderAsync();
        await Spool.DisposeAsync();
        whileStopped?.Invoke();
        Spool = Open();
    }

    public async ValueTask DisposeAsync()
    {
        await StopForwarderAsync();
        await Spool.DisposeAsync();
        if (System.IO.Directory.Exists(Folder))
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
    }

    private WriteAheadSpool Open() => new(Options, Clock, NullLogger<WriteAheadSpool>.Instance);
}
