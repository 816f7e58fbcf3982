using System.Buffers;
using IotService.Storage.History;
using IotService.Storage.History.Spool;

namespace IotService.Storage.Tests.History.Spool;

internal static class SpoolFrames
{
    /// <summary>Bytes one record of this batch takes in a segment.</summary>
    public static int Length(IReadOnlyList<HistoryPoint> batch)
    {
        ArrayPool<byte>.Shared.Return(HistoryBatchEncoder.EncodeFrame(batch, 0, out var length));
        return length;
    }
}
