using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace IotService.Storage.History.Spool;

/// <summary>
/// The single writer loop: takes everything queued, writes it, lets more gather for up to the commit window, fsyncs
/// once, then completes all the appends that were waiting for it. Rolls segments at the size limit and holds records
/// back while the spool is full.
/// </summary>
/// <remarks>
/// Each fsync rewrites the file's last, partly filled page, so many small commits cost far more disk than their bytes:
/// at 10,000 readings a second, a commit per arrival wrote about 230 bytes per message. Waiting a few milliseconds for
/// the appends that arrive meanwhile makes one fsync carry them all, at the price of that wait on each acknowledgement.
/// </remarks>
/// <param name="commitWindow">
/// How long the first record of a commit may wait for others, as long as they keep coming (a 1 ms pause without a new
/// record ends it); zero commits at once.
/// </param>
/// <param name="commitMaxBytes">A commit holding this many bytes goes at once, window or not.</param>
internal sealed partial class SpoolWriter(
    string directory, long maxBytes, long segmentBytes, long lastSequence, SpoolLedger ledger, SpoolCounters counters, ILogger logger,
    TimeSpan commitWindow = default, long commitMaxBytes = long.MaxValue)
{
    private long _pendingBytes;

    private readonly List<SpoolAppend> _pending = [];
    private SegmentWriter? _segment;
    private long _lastSequence = lastSequence;
    private bool _full;

    /// <summary>The pause between looks at the queue while a commit gathers; lets tests send records during it.</summary>
    public Action Nap { get; set; } = () => Thread.Sleep(1);

    /// <summary>Awaited before each fsync; lets tests hold a commit open.</summary>
    public Func<ValueTask>? BeforeCommit { get; set; }

    /// <summary>Set each time a record starts waiting for room.</summary>
    public AsyncSignal BackPressure { get; } = new();

    public void Start() => Roll();

    /// <summary>
    /// Runs on a thread of its own, with blocking waits on purpose: the fsync blocks, and the commit window must end on
    /// time. On the thread pool of a 2-core machine both waited behind grain calls and MQTT handlers.
    /// </summary>
    public void Run(ChannelReader<SpoolAppend> queue, CancellationToken stopping)
    {
        while (queue.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            SpoolAppend? current = null;
            try
            {
                var gathering = Stopwatch.GetTimestamp();
                var napped = false;
                while (true)
                {
                    var before = _pending.Count;
                    while (_pendingBytes < commitMaxBytes && queue.TryRead(out current))
                    {
                        MakeRoom(current.Length, stopping);
                        _segment!.Write(current.Frame);
                        ledger.Written(_segment.Sequence, current.Length);
                        current.Release();
                        _pending.Add(current);
                        _pendingBytes += current.Length;
                        current = null;
                    }

                    // A nap that brought nothing ends the window: nobody else is sending now, so waiting on would only
                    // slow a lone sender (a gateway publishing QoS 1 one message at a time commits every ~1 ms, not 4).
                    var quiet = napped && _pending.Count == before;
                    if (quiet || _pendingBytes >= commitMaxBytes || Stopwatch.GetElapsedTime(gathering) >= commitWindow)
                    {
                        break;
                    }

                    // Real time on purpose: a scheduling pause of milliseconds, not a time of the domain, and a test's
                    // frozen clock must not hold commits back. One-millisecond naps keep the byte limit prompt.
                    Nap();
                    napped = true;
                }

                Commit();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Disposed while this record waited for room: it never became durable.
                ledger.Unqueue(current!.Length);
                current.Fail(new ObjectDisposedException(nameof(WriteAheadSpool)));
            }
            catch (Exception ex)
            {
                LogWriteFailed(ex, _pending.Count + (current is null ? 0 : 1));
                if (current is not null)
                {
                    ledger.Unqueue(current.Length);
                    current.Fail(ex);
                }

                Abandon(ex);
            }
        }

        _segment?.Dispose();
    }

    private void MakeRoom(int length, CancellationToken stopping)
    {
        var rolls = _segment is null || (_segment.Length > SegmentFile.HeaderSize && _segment.Length + length > segmentBytes);
        while (ledger.Bytes + length + (rolls ? SegmentFile.HeaderSize : 0) > maxBytes)
        {
            // Records already written must not wait with this one: their appenders are owed an answer.
            Commit();
            var advanced = ledger.Advanced.Next;
            if (ledger.AllForwarded() && (_segment is null || _segment.Length > SegmentFile.HeaderSize))
            {
                // All written data is forwarded, but a segment is only freed once it is no longer written to.
                Roll();
                rolls = false;
                continue;
            }

            if (!_full)
            {
                _full = true;
                LogFull(ledger.Bytes, maxBytes);
            }

            BackPressure.Set();
            advanced.WaitAsync(stopping).GetAwaiter().GetResult();
        }

        if (_full)
        {
            _full = false;
            LogRoomAgain(ledger.Bytes, maxBytes);
        }

        if (rolls)
        {
            Commit();
            Roll();
        }
    }

    private void Commit()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        if (BeforeCommit is { } hook)
        {
            hook().AsTask().GetAwaiter().GetResult();
        }

        _segment!.Commit();
        counters.Fsynced();
        ledger.Commit(new SpoolPosition(_segment.Sequence, _segment.CommittedLength), _pending.Count, _pending[0].AppendedAtUnixMs);
        foreach (var append in _pending)
        {
            append.Durable?.TrySetResult();
        }

        _pending.Clear();
        _pendingBytes = 0;
    }

    private void Roll()
    {
        _segment?.Dispose();
        _segment = null;
        _segment = SegmentWriter.Create(directory, ++_lastSequence);
        ledger.SegmentCreated(_segment.Sequence);
        foreach (var sequence in ledger.TakeConsumed())
        {
            File.Delete(SegmentFile.PathOf(directory, sequence));
        }
    }

    /// <summary>A write, fsync or segment creation failed: fail what was not durable and start a new segment with the next record.</summary>
    private void Abandon(Exception exception)
    {
        foreach (var append in _pending)
        {
            append.Fail(exception);
        }

        _pending.Clear();
        _pendingBytes = 0;
        if (_segment is { } segment)
        {
            segment.Abandon();
            ledger.Truncated(segment.Sequence, segment.CommittedLength);
            _segment = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool write failed; {Count} records were not made durable")]
    private partial void LogWriteFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool full ({Bytes} of {MaxBytes} bytes): durable writes wait for the forwarder, others are dropped")]
    private partial void LogFull(long bytes, long maxBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Spool has room again ({Bytes} of {MaxBytes} bytes)")]
    private partial void LogRoomAgain(long bytes, long maxBytes);
}
