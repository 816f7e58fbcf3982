namespace IotService.Storage.History.Spool;

/// <summary>The segment being appended to: buffered writes, made durable together by <see cref="Commit"/>.</summary>
internal sealed class SegmentWriter : IDisposable
{
    private readonly FileStream _stream;

    private SegmentWriter(long sequence, FileStream stream)
    {
        Sequence = sequence;
        _stream = stream;
        Length = SegmentFile.HeaderSize;
        CommittedLength = Length;
    }

    public long Sequence { get; }

    public string Path => _stream.Name;

    /// <summary>Bytes written, durable or not.</summary>
    public long Length { get; private set; }

    public long CommittedLength { get; private set; }

    /// <summary>Creates the file with its header, durable (file and folder entry) before any record goes in.</summary>
    public static SegmentWriter Create(string directory, long sequence)
    {
        var stream = new FileStream(SegmentFile.PathOf(directory, sequence), FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 256 * 1024);
        try
        {
            Span<byte> header = stackalloc byte[SegmentFile.HeaderSize];
            SegmentFile.WriteHeader(header);
            stream.Write(header);
            stream.Flush(flushToDisk: true);
            FolderEntries.Flush(directory);
            return new SegmentWriter(sequence, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Write(ReadOnlySpan<byte> frame)
    {
        _stream.Write(frame);
        Length += frame.Length;
    }

    /// <summary>One fsync for everything written since the last commit: this is the group commit.</summary>
    public void Commit()
    {
        _stream.Flush(flushToDisk: true);
        CommittedLength = Length;
    }

    /// <summary>After a failed write or fsync: drop whatever was not committed and close; best effort, the file may be unwritable.</summary>
    public void Abandon()
    {
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // The unflushed tail is being discarded anyway.
        }

        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            stream.SetLength(CommittedLength);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // Recovery cuts a torn tail off at the next start.
        }
    }

    public void Dispose() => _stream.Dispose();
}
