using System.Buffers;

namespace IotService.Storage.History.Spool;

/// <summary>One framed record on its way from an appender to the writer loop.</summary>
internal sealed class SpoolAppend(byte[] frame, int length, long appendedAtUnixMs, bool durable)
{
    private byte[]? _frame = frame;

    public int Length { get; } = length;

    public long AppendedAtUnixMs { get; } = appendedAtUnixMs;

    /// <summary>Completed once the record is fsync-ed; null for appenders that do not wait (QoS 0).</summary>
    /// <remarks>
    /// Continuations run on the writer loop, at once: the appender (the ingest pump) only hands the news on to the
    /// messages' own completions, and one trip less through a busy thread pool shortens every acknowledgement.
    /// </remarks>
    public TaskCompletionSource? Durable { get; } = durable ? new() : null;

    public ReadOnlySpan<byte> Frame => _frame.AsSpan(0, Length);

    /// <summary>Gives the pooled buffer back once the bytes are in the file (or will never be).</summary>
    public void Release()
    {
        if (_frame is { } buffer)
        {
            _frame = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Fail(Exception exception)
    {
        Release();
        Durable?.TrySetException(exception);
    }
}
