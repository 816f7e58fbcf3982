namespace IotService.Storage.History.Spool;

/// <summary>
/// The spool's shared bookkeeping, under one lock: which segments exist and how long they are,
/// how far data is durable (committed) and how far it has been forwarded (checkpoint). File I/O
/// happens outside it.
/// </summary>
internal sealed class SpoolLedger
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, long> _segments = [];
    private readonly PendingAges _ages = new();
    private long _bytes;
    private long _queuedBytes;
    private long _pendingRecords;
    private SpoolPosition _checkpoint;
    private SpoolPosition _committed;

    public SpoolLedger(RecoveredSpool recovered)
    {
        foreach (var (sequence, length) in recovered.Segments)
        {
            _segments[sequence] = length;
            _bytes += length;
        }

        _checkpoint = recovered.Checkpoint;
        _pendingRecords = recovered.PendingRecords;
        foreach (var (end, appendedAt) in recovered.PendingAges)
        {
            _ages.Add(end, appendedAt);
        }
    }

    /// <summary>New durable data for the forwarder.</summary>
    public AsyncSignal Committed { get; } = new();

    /// <summary>The checkpoint moved or segments were deleted: room may have appeared.</summary>
    public AsyncSignal Advanced { get; } = new();

    public SpoolPosition Checkpoint { get { lock (_lock) { return _checkpoint; } } }

    public SpoolPosition CommittedEnd { get { lock (_lock) { return _committed; } } }

    public long Bytes { get { lock (_lock) { return _bytes; } } }

    /// <summary>Admits a QoS 0 record only if disk and queue leave room for it.</summary>
    public bool TryQueue(int length, long maxBytes)
    {
        lock (_lock)
        {
            if (_bytes + _queuedBytes + length > maxBytes)
            {
                return false;
            }

            _queuedBytes += length;
            return true;
        }
    }

    /// <summary>Admits a QoS 1 record unconditionally: the writer makes it wait for room.</summary>
    public void Queue(int length)
    {
        lock (_lock) { _queuedBytes += length; }
    }

    public void Unqueue(int length)
    {
        lock (_lock) { _queuedBytes -= length; }
    }

    public void SegmentCreated(long sequence)
    {
        lock (_lock)
        {
            _segments[sequence] = SegmentFile.HeaderSize;
            _bytes += SegmentFile.HeaderSize;
            _committed = new SpoolPosition(sequence, SegmentFile.HeaderSize);
        }
    }

    public void Written(long sequence, int length)
    {
        lock (_lock)
        {
            _segments[sequence] += length;
            _bytes += length;
            _queuedBytes -= length;
        }
    }

    /// <summary>A failed write left bytes past the committed end; they were cut off the file.</summary>
    public void Truncated(long sequence, long length)
    {
        lock (_lock)
        {
            _bytes -= _segments[sequence] - length;
            _segments[sequence] = length;
        }
    }

    public void Commit(SpoolPosition end, int records, long firstAppendedAtUnixMs)
    {
        lock (_lock)
        {
            _committed = end;
            _pendingRecords += records;
            _ages.Add(end, firstAppendedAtUnixMs);
        }

        Committed.Set();
    }

    /// <summary>Whether the store has everything committed up to <paramref name="target"/> (or everything at all).</summary>
    public bool ForwardedUpTo(SpoolPosition target)
    {
        lock (_lock) { return _checkpoint >= target || _pendingRecords == 0; }
    }

    /// <summary>Everything durable has been forwarded, up to the end of the segment being written.</summary>
    public bool AllForwarded()
    {
        lock (_lock) { return _checkpoint >= _committed; }
    }

    /// <summary>Length of a segment that is no longer written to, or null once it is gone.</summary>
    public long? LengthOf(long sequence)
    {
        lock (_lock) { return _segments.TryGetValue(sequence, out var length) ? length : null; }
    }

    public long? SegmentAfter(long sequence)
    {
        lock (_lock)
        {
            var next = _segments.Keys.FirstOrDefault(key => key > sequence);
            return next > sequence ? next : null;
        }
    }

    /// <summary>Moves the checkpoint and hands back the segments it fully consumed, already struck off.</summary>
    public List<long> Advance(SpoolPosition checkpoint, int records)
    {
        List<long> consumed;
        lock (_lock)
        {
            _checkpoint = checkpoint;

            // Skipped corrupt bytes hold an unknown number of records; catching up settles the count.
            _pendingRecords = checkpoint >= _committed ? 0 : _pendingRecords - records;
            _ages.ForwardedTo(checkpoint);
            consumed = StrikeConsumed();
        }

        Advanced.Set();
        return consumed;
    }

    /// <summary>Segments wholly behind the checkpoint, except the one being written; struck off and handed back for deletion.</summary>
    public List<long> TakeConsumed()
    {
        lock (_lock) { return StrikeConsumed(); }
    }

    public SpoolStats Snapshot(SpoolCounters counters)
    {
        lock (_lock)
        {
            return new SpoolStats(
                _bytes, _pendingRecords, _segments.Count, counters.Dropped, _ages.Oldest, counters.LastForwardError, counters.StoreReachable, counters.DeadLetters, counters.Fsyncs);
        }
    }

    private List<long> StrikeConsumed()
    {
        var consumed = new List<long>();
        foreach (var (sequence, length) in _segments)
        {
            var behind = sequence < _checkpoint.Segment || (sequence == _checkpoint.Segment && _checkpoint.Offset >= length);
            if (behind && sequence != _committed.Segment)
            {
                consumed.Add(sequence);
            }
        }

        foreach (var sequence in consumed)
        {
            _bytes -= _segments[sequence];
            _segments.Remove(sequence);
        }

        return consumed;
    }
}
