using IotService.Ingest.Mqtt.Limits;

namespace IotService.Ingest.Mqtt.Transport;

/// <summary>
/// The connection's stream as MQTTnet sees it: every byte read passes <see cref="MqttFrameGuard"/> before MQTTnet
/// gets it. On a violation the inner stream (the socket) is closed and MQTTnet reads the end of the stream, so it
/// never learns an oversized length and never allocates for it.
/// </summary>
internal sealed class FrameGuardStream(Stream inner, MqttFrameGuard guard, Action<FrameVerdict> violated) : Stream
{
    private int _cut;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _cut) != 0)
        {
            return 0;
        }

        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Check(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
        => Volatile.Read(ref _cut) != 0 ? 0 : Check(buffer[..inner.Read(buffer)]);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private int Check(ReadOnlySpan<byte> received)
    {
        if (received.IsEmpty || guard.Inspect(received) == FrameVerdict.Ok)
        {
            return received.Length;
        }

        if (Interlocked.Exchange(ref _cut, 1) == 0)
        {
            violated(guard.Verdict);
            inner.Dispose();
        }

        return 0;
    }
}
