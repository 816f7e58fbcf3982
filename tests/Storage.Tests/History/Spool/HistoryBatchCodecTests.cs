using System.Buffers;
using System.Text;
using IotService.Storage.History;
using IotService.Storage.History.Spool;
using IotService.TestSupport.History;

namespace IotService.Storage.Tests.History.Spool;

public sealed class HistoryBatchCodecTests
{
    [Fact]
    public void ABatchReadsBackAsWrittenWithNamesCustomersAndMillisecondTimes()
    {
        HistoryPoint[] batch =
        [
            new("chiller-7", "ch-200", "acme", TestPoints.T0.AddMilliseconds(123), [new("temperature", 71.3), new("rpm", 1200)]),
            new("chiller-8", "ch-200", null, TestPoints.T0, [new("temperature", -0.0), new("débit", double.MaxValue)]),
            new("ロボット", "清掃", "客", DateTimeOffset.FromUnixTimeMilliseconds(0), []),
        ];

        var decoded = RoundTrip(batch);

        TestPoints.AssertSame(batch, decoded);
        Assert.Equal(TestPoints.T0.AddMilliseconds(123), decoded[0].Timestamp);
        Assert.Null(decoded[1].CustomerId);
    }

    [Fact]
    public void RepeatedNamesAreStoredOnceAndSharedWhenRead()
    {
        var batch = TestPoints.Batch(0, 100);

        var payload = Payload(batch);
        var decoded = HistoryBatchDecoder.Decode(payload);

        // Version, name table (count, then dev-1, chiller, temperature, rpm, acme with their lengths), point count,
        // then 100 × (3 one-byte indexes, 8-byte time, value count, 2 × (index, 8-byte value)).
        Assert.Equal(1 + (1 + 6 + 8 + 12 + 4 + 5) + 1 + (100 * 30), payload.Length);
        Assert.Same(decoded[0].DeviceId, decoded[99].DeviceId);
        Assert.Same(decoded[0].Values[0].Property, decoded[99].Values[0].Property);
    }

    [Fact]
    public void EveryTruncationOfAPayloadIsReportedAsInvalidData()
    {
        var payload = Payload(TestPoints.Batch(0, 3));

        for (var length = 0; length < payload.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => HistoryBatchDecoder.Decode(payload.AsSpan(0, length)));
        }
    }

    [Fact]
    public void AFrameChecksumCatchesAnyFlippedBit()
    {
        var batch = TestPoints.Batch(0, 2);
        var buffer = HistoryBatchEncoder.EncodeFrame(batch, 42, out var length);
        var frame = buffer.AsSpan(0, length).ToArray();
        ArrayPool<byte>.Shared.Return(buffer);
        Assert.True(RecordFrame.IsIntact(frame, frame.AsSpan(RecordFrame.HeaderSize)));
        Assert.Equal(42, RecordFrame.AppendedAt(frame));

        for (var bit = 32; bit < frame.Length * 8; bit += 7)
        {
            frame[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(RecordFrame.IsIntact(frame, frame.AsSpan(RecordFrame.HeaderSize)), $"bit {bit}");
            frame[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }

    [Fact]
    public void Crc32CMatchesTheStandardCheckValue()
    {
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32C.Compute([]));
    }

    private static HistoryPoint[] RoundTrip(HistoryPoint[] batch) => HistoryBatchDecoder.Decode(Payload(batch));

    private static byte[] Payload(HistoryPoint[] batch)
    {
        var buffer = HistoryBatchEncoder.EncodeFrame(batch, 0, out var length);
        var payload = buffer.AsSpan(RecordFrame.HeaderSize, length - RecordFrame.HeaderSize).ToArray();
        ArrayPool<byte>.Shared.Return(buffer);
        return payload;
    }
}
