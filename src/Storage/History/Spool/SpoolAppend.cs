using System.Buffers;

namespace IotService.Storage.History.Spool;

/// <summary>One framed record on its way from an appender to the writer loop.</summary>
internal sealed class SpoolAppend(byte[] frame, int length, long appendedAtUnixMs, bool durable)
{
    private byte[]? _frame = frame;

    public int Length { get; } = length;

    public long AppendedAtUnixMs { get; } = appendedAtUnixMs;

    /// <summary>Completed once the record is fsync-ed; null for appenders that do not wait (QoS 0).</summary>
    public TaskCompletionSource? Durable { get; } = durable ? new(TaskCreationOptions.RunContinuationsAsynchronously) : null;

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
