namespace IotService.Storage.History.Spool;

/// <summary>Reads framed records of one segment in order, checking each one's CRC.</summary>
internal sealed class SegmentCursor : IDisposable
{
    private readonly FileStream _stream;
    private readonly byte[] _header = new byte[RecordFrame.HeaderSize];
    private byte[] _payload = new byte[16 * 1024];

    private SegmentCursor(long sequence, FileStream stream)
    {
        Sequence = sequence;
        _stream = stream;
    }

    public long Sequence { get; }

    public long Position { get; set; }

    public long FileLength => _stream.Length;

    /// <summary>Opens a segment; null when it is gone (deleted after being consumed).</summary>
    public static SegmentCursor? TryOpen(string directory, long sequence)
    {
        try
        {
            return new SegmentCursor(sequence, SegmentFile.OpenRead(SegmentFile.PathOf(directory, sequence)));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public bool HasValidHeader()
    {
        Span<byte> header = stackalloc byte[SegmentFile.HeaderSize];
        _stream.Position = 0;
        return _stream.Length >= SegmentFile.HeaderSize && _stream.Read(header) == SegmentFile.HeaderSize && SegmentFile.IsValidHeader(header);
    }

    /// <summary>Reads the record at <see cref="Position"/> if it lies wholly before <paramref name="limit"/>; advances past it.</summary>
    public FrameStatus TryRead(long limit, out ReadOnlySpan<byte> payload, out long appendedAtUnixMs)
    {
        payload = default;
        appendedAtUnixMs = 0;
        if (limit - Position < RecordFrame.HeaderSize)
        {
            return FrameStatus.End;
        }

        if (_stream.Position != Position)
        {
            _stream.Position = Position;
        }

        if (!TryReadExactly(_header) || !RecordFrame.TryReadLength(_header, out var length) || length > limit - Position - RecordFrame.HeaderSize)
        {
            return FrameStatus.Corrupt;
        }

        if (_payload.Length < length)
        {
            _payload = new byte[Math.Max(length, _payload.Length * 2)];
        }

        if (!TryReadExactly(_payload.AsSpan(0, length)) || !RecordFrame.IsIntact(_header, _payload.AsSpan(0, length)))
        {
            return FrameStatus.Corrupt;
        }

        payload = _payload.AsSpan(0, length);
        appendedAtUnixMs = RecordFrame.AppendedAt(_header);
        Position += RecordFrame.HeaderSize + length;
        return FrameStatus.Read;
    }

    /// <summary>
    /// After an unreadable record at <paramref name="start"/>: where the next record begins, if the
    /// bad record's own length leads to an intact one. Bit rot spoils one record; a torn write leaves
    /// nothing intact behind it, so this tells the two apart.
    /// </summary>
    public long? FindNextIntact(long start, long limit)
    {
        Position = start;
        if (limit - start < RecordFrame.HeaderSize)
        {
            return null;
        }

        _stream.Position = start;
        if (!TryReadExactly(_header) || !RecordFrame.TryReadLength(_header, out var length) || start + RecordFrame.HeaderSize + length >= limit)
        {
            return null;
        }

        Position = start + RecordFrame.HeaderSize + length;
        return TryRead(limit, out _, out _) == FrameStatus.Read ? start + RecordFrame.HeaderSize + length : null;
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>False when the file ends early: only if it was cut behind the spool's back.</summary>
    private bool TryReadExactly(Span<byte> buffer) => _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
}
