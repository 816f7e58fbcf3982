using IotService.TestSupport.History;
namespace IotService.Storage.Tests.History.Spool;

/// <summary>Bytes spoiled inside durable data (bit rot, not a crash): only the spoiled record may be lost, and it is kept aside.</summary>
public sealed class WriteAheadSpoolDamageTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ADamagedRecordIsSetAsideAndTheRecordsAroundItAreForwarded(bool acrossARestart)
    {
        var batches = new[] { TestPoints.Batch(0, 5), TestPoints.Batch(5, 5), TestPoints.Batch(10, 5) };
        var frame = SpoolFrames.Length(batches[0]);
        await using var harness = new SpoolHarness();
        foreach (var batch in batches)
        {
            await harness.Spool.AppendAsync(batch, true, default);
        }

        var segment = Path.Combine(harness.Folder, "000000000001.seg");
        var damagedAt = 8 + frame;
        byte[] original;
        if (acrossARestart)
        {
            original = [];
            await harness.RestartAsync(() => original = Damage(segment, damagedAt, frame));
            Assert.Equal(8 + (3 * frame), new FileInfo(segment).Length);
            Assert.Equal(2, harness.Spool.Stats.PendingRecords);
        }
        else
        {
            original = Damage(segment, damagedAt, frame);
        }

        await harness.StartForwarderAsync();
        await harness.Store.WhenReceived(10);
        await harness.Spool.AppendAsync(TestPoints.Batch(15, 5), true, default);
        await harness.Store.WhenReceived(15);
        await harness.StopForwarderAsync();

        TestPoints.AssertSame(batches[0].Concat(batches[2]).Concat(TestPoints.Batch(15, 5)), harness.Store.Received);
        var aside = await File.ReadAllBytesAsync(Path.Combine(harness.Folder, "rejected", $"000000000001-{damagedAt}.corrupt"));
        Assert.Equal(frame, aside.Length);
        Assert.Equal(1, original.Zip(aside).Count(pair => pair.First != pair.Second));
        Assert.Equal(0, harness.Spool.Stats.PendingRecords);
    }

    /// <summary>Flips one payload bit of the record at <paramref name="offset"/> and returns the record as it was.</summary>
    private static byte[] Damage(string segment, int offset, int frame)
    {
        using var stream = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        var original = new byte[frame];
        stream.Position = offset;
        stream.ReadExactly(original);
        stream.Position = offset + 30;
        stream.WriteByte((byte)(original[30] ^ 0x10));
        stream.Flush(flushToDisk: true);
        return original;
    }
}
