using System.Threading.Channels;
using IotService.Storage.Threading;
using Microsoft.Extensions.Logging;

namespace IotService.Storage.History.Spool;

/// <summary>
/// A durable write-ahead log of history batches in front of a remote history store: appends are
/// group-committed (one fsync per write-loop pass, however many appenders wait on it) and a
/// <see cref="SpoolForwarder"/> drains them to the store in order.
/// </summary>
/// <remarks>
/// <para><b>Disk policy.</b> The segment files together never exceed <see cref="SpoolOptions.MaxBytes"/>
/// (give or take one 8-byte segment header while rolling). A segment is deleted as soon as every
/// record in it has been forwarded and checkpointed, so in normal operation the spool holds only
/// the few seconds of data the store has not confirmed yet.</para>
/// <para><b>When the store is down for long</b>, nothing is lost and nothing is forwarded: the spool
/// grows until it reaches MaxBytes. From then on durable appends (QoS 1) <i>wait</i> — their
/// acknowledgements are held, which pushes back on the devices — until the forwarder frees a
/// segment; non-durable appends (QoS 0) are dropped and counted in <see cref="SpoolStats.Dropped"/>.
/// Nothing is ever dropped silently, and a durable append never completes before its fsync.</para>
/// <para><b>Dead letters.</b> Points the store rejects for good (<see cref="HistoryWriteRejectedException"/>)
/// are isolated by splitting the batch and written to <c>{Path}/rejected/{date}.jsonl</c>, counted in
/// <see cref="SpoolStats.DeadLetters"/>; the rest flows on. Bytes that cannot be read back (bit rot)
/// are copied to <c>rejected/*.corrupt</c> and skipped. The rejected folder is not counted in
/// MaxBytes and is never deleted by the hub: operators inspect and clear it.</para>
/// <para><b>Crashes.</b> On start, a record torn by a crash is cut off (it was never acknowledged),
/// and forwarding resumes at the persisted checkpoint: records after it are sent again, which the
/// idempotent store turns into exactly-once.</para>
/// </remarks>
public sealed partial class WriteAheadSpool : IAsyncDisposable
{
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SpoolLedger _ledger;
    private readonly SpoolCounters _counters = new();
    private readonly SpoolWriter _writer;
    private readonly SpoolReader _reader;
    private readonly Channel<SpoolAppend> _queue = Channel.CreateUnbounded<SpoolAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writeLoop;

    /// <summary>Recovers the folder (<see cref="SpoolOptions.Path"/>, required) and starts the write loop.</summary>
    public WriteAheadSpool(SpoolOptions options, TimeProvider timeProvider, ILogger<WriteAheadSpool> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.SegmentBytes);
        _directory = Path.GetFullPath(options.Path);
        _maxBytes = options.MaxBytes;
        _timeProvider = timeProvider;
        _logger = logger;

        var recovered = SpoolRecovery.Recover(_directory, logger);
        _ledger = new SpoolLedger(recovered);
        _writer = new SpoolWriter(
            _directory, options.MaxBytes, options.SegmentBytes, recovered.LastSequence, _ledger, _counters, logger,
            TimeSpan.FromMilliseconds(options.CommitWindowMilliseconds), options.CommitMaxBytes);
        _writer.Start();
        _reader = new SpoolReader(_directory, _ledger);
        LogOpened(_directory, recovered.Segments.Count, recovered.PendingRecords, recovered.TruncatedBytes);
        _writeLoop = DedicatedThread.Start("Spool writer", () => _writer.Run(_queue.Reader, _stopping.Token));
    }

    /// <summary>The spool folder, absolute.</summary>
    public string FolderPath => _directory;

    public SpoolStats Stats => _ledger.Snapshot(_counters);

    internal SpoolPosition Checkpoint => _ledger.Checkpoint;

    /// <summary>Someone waits for the store to have what was acknowledged: the forwarder should not let readings gather now.</summary>
    internal AsyncSignal CatchUpRequested { get; } = new();

    internal SpoolWriter Writer => _writer;

    /// <summary>
    /// Appends a batch as one record. With <paramref name="waitForDurable"/> the task completes once
    /// the record is fsync-ed (waiting for room while the spool is full); without, it completes at
    /// once and the batch is dropped, and counted, if the spool is full. Cancelling stops the wait,
    /// not the write.
    /// </summary>
    public ValueTask AppendAsync(IReadOnlyList<HistoryPoint> batch, bool waitForDurable, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (batch.Count == 0)
        {
            return ValueTask.CompletedTask;
        }

        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var frame = HistoryBatchEncoder.EncodeFrame(batch, now, out var length);
        var append = new SpoolAppend(frame, length, now, waitForDurable);
        if (length + (2 * SegmentFile.HeaderSize) > _maxBytes)
        {
            append.Release();
            throw new ArgumentException($"A batch of {length} bytes can never fit a spool of {_maxBytes} bytes.", nameof(batch));
        }

        if (!waitForDurable)
        {
            if (!_ledger.TryQueue(length, _maxBytes))
            {
                append.Release();
                _counters.Drop(batch.Count);
                return ValueTask.CompletedTask;
            }
        }
        else
        {
            _ledger.Queue(length);
        }

        if (!_queue.Writer.TryWrite(append))
        {
            _ledger.Unqueue(length);
            append.Release();
            throw new ObjectDisposedException(nameof(WriteAheadSpool));
        }

        return append.Durable is { } durable ? new ValueTask(durable.Task.WaitAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    /// <summary>Waits for durable records after <paramref name="from"/> and reads up to about <paramref name="maxPoints"/> points. One reader at a time.</summary>
    internal async ValueTask<SpoolReadBatch> ReadAsync(SpoolPosition from, int maxPoints, CancellationToken cancellationToken)
    {
        while (true)
        {
            var committed = _ledger.Committed.Next;
            var batch = _reader.Read(from, maxPoints);
            if (batch.Records > 0 || batch.CorruptFrom is not null)
            {
                return batch;
            }

            await committed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The store has a batch (but for <paramref name="rejected"/>): dead-letter those, persist the checkpoint, free consumed segments.</summary>
    internal void Acknowledge(SpoolReadBatch batch, IReadOnlyList<(HistoryPoint Point, string Reason)> rejected)
    {
        if (rejected.Count > 0)
        {
            DeadLetterFile.Write(_directory, rejected, _timeProvider.GetUtcNow());
        }

        if (batch.CorruptFrom is { } corrupt)
        {
            LogCorrupt(corrupt.ToString(), batch.End.Offset - corrupt.Offset, DeadLetterFile.CopyCorrupt(_directory, corrupt, batch.End.Offset));
        }

        CheckpointFile.Write(_directory, batch.End);
        foreach (var sequence in _ledger.Advance(batch.End, batch.Records))
        {
            File.Delete(SegmentFile.PathOf(_directory, sequence));
        }

        _counters.ForwardSucceeded(rejected.Count);
    }

    internal void ForwardFailed(string error) => _counters.ForwardFailed(error);

    /// <summary>
    /// Waits until the store has every record committed before this call, asking the forwarder to send at once rather
    /// than let readings gather. False when <paramref name="timeout"/> passed first (the store is down or far behind).
    /// </summary>
    public async Task<bool> WaitForwardedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var target = _ledger.CommittedEnd;
        var deadline = _timeProvider.GetTimestamp() + (long)(timeout.TotalSeconds * _timeProvider.TimestampFrequency);
        while (true)
        {
            var advanced = _ledger.Advanced.Next;
            if (_ledger.ForwardedUpTo(target))
            {
                return true;
            }

            CatchUpRequested.Set();
            var left = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await advanced.WaitAsync(left, _timeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return _ledger.ForwardedUpTo(target);
            }
        }
    }

    /// <summary>Writes what is queued and fits, fails durable appends still waiting for room, and closes the files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _writeLoop.ConfigureAwait(false);
        _reader.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Spool {Path} opened: {Segments} segments, {Pending} records to forward, {Truncated} torn bytes cut off")]
    private partial void LogOpened(string path, int segments, long pending, long truncated);

    [LoggerMessage(Level = LogLevel.Error, Message = "Spool bytes at {Position} are unreadable: {Bytes} bytes set aside in {Path} and skipped")]
    private partial void LogCorrupt(string position, long bytes, string path);
}
