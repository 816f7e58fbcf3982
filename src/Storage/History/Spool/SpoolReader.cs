namespace IotService.Storage.History.Spool;

/// <summary>Reads durable records in spool order for the (single) forwarder, across segment boundaries.</summary>
internal sealed class SpoolReader(string directory, SpoolLedger ledger) : IDisposable
{
    private SegmentCursor? _cursor;

    /// <summary>Records from <paramref name="from"/> up to the committed end, stopping once <paramref name="maxPoints"/> is reached.</summary>
    public SpoolReadBatch Read(SpoolPosition from, int maxPoints)
    {
        try
        {
            return ReadCore(from, maxPoints);
        }
        catch (IOException)
        {
            // Start the next attempt from a freshly opened file.
            _cursor?.Dispose();
            _cursor = null;
            throw;
        }
    }

    private SpoolReadBatch ReadCore(SpoolPosition from, int maxPoints)
    {
        var points = new List<HistoryPoint>();
        var records = 0;
        var position = from;
        var committed = ledger.CommittedEnd;
        while (points.Count < maxPoints && position.Segment <= committed.Segment)
        {
            // Segments before the one being written are closed: their whole length is durable.
            var limit = position.Segment == committed.Segment ? committed.Offset : ledger.LengthOf(position.Segment);
            var cursor = limit is null ? null : CursorAt(position.Segment);
            if (cursor is null)
            {
                if (!TryNextSegment(ref position, committed))
                {
                    break;
                }

                continue;
            }

            var start = position with { Offset = Math.Max(position.Offset, SegmentFile.HeaderSize) };
            cursor.Position = start.Offset;
            var status = cursor.TryRead(limit!.Value, out var payload, out _);
            if (status == FrameStatus.End)
            {
                if (position.Segment == committed.Segment || !TryNextSegment(ref position, committed))
                {
                    break;
                }

                continue;
            }

            var decoded = status == FrameStatus.Read ? TryDecode(payload) : null;
            if (decoded is null)
            {
                // Forward the good records first; the bad bytes come back on their own next time,
                // to be set aside up to the next intact record (or the end, if none can be found).
                return records > 0
                    ? new SpoolReadBatch(points, records, position)
                    : new SpoolReadBatch([], 0, position with { Offset = cursor.FindNextIntact(start.Offset, limit.Value) ?? limit.Value }, start);
            }

            points.AddRange(decoded);
            records++;
            position = position with { Offset = cursor.Position };
        }

        return new SpoolReadBatch(points, records, position);
    }

    public void Dispose() => _cursor?.Dispose();

    private static HistoryPoint[]? TryDecode(ReadOnlySpan<byte> payload)
    {
        try
        {
            return HistoryBatchDecoder.Decode(payload);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private bool TryNextSegment(ref SpoolPosition position, SpoolPosition committed)
    {
        if (ledger.SegmentAfter(position.Segment) is not { } next || next > committed.Segment)
        {
            return false;
        }

        position = new SpoolPosition(next, SegmentFile.HeaderSize);
        return true;
    }

    private SegmentCursor? CursorAt(long sequence)
    {
        if (_cursor?.Sequence != sequence)
        {
            _cursor?.Dispose();
            _cursor = SegmentCursor.TryOpen(directory, sequence);
        }

        return _cursor;
    }
}
