using IotService.TestSupport.History;
namespace IotService.Storage.Tests.History.Spool;

public sealed class WriteAheadSpoolRecoveryTests
{
    public enum Damage
    {
        CutMidRecord,
        ZerosAfterLastRecord,
        FlippedByteInLastRecord,
    }

    [Theory]
    [InlineData(Damage.CutMidRecord)]
    [InlineData(Damage.ZerosAfterLastRecord)]
    [InlineData(Damage.FlippedByteInLastRecord)]
    public async Task AfterACrashCompleteRecordsAreKeptAndATornLastOneIsCutOff(Damage damage)
    {
        var batches = new[] { TestPoints.Batch(0, 5), TestPoints.Batch(5, 5), TestPoints.Batch(10, 5) };
        var frame = SpoolFrames.Length(batches[0]);
        var crashed = Path.Combine(Path.GetTempPath(), "iot-spool-tests", Guid.NewGuid().ToString("N"));
        await using (var running = new SpoolHarness())
        {
            foreach (var batch in batches)
            {
                await running.Spool.AppendAsync(batch, true, default);
            }

            // What kill -9 leaves behind: the files as they are on disk while the spool is running.
            CopyFolder(running.Folder, crashed);
        }

        var segment = Path.Combine(crashed, "000000000001.seg");
        Harm(segment, damage, frame);

        await using var restarted = new SpoolHarness(folder: crashed);

        Assert.Equal(8 + (2 * frame), new FileInfo(segment).Length);
        Assert.Equal(2, restarted.Spool.Stats.PendingRecords);
        await restarted.StartForwarderAsync();
        await restarted.Store.WhenReceived(10);
        await restarted.StopForwarderAsync();
        TestPoints.AssertSame(batches[0].Concat(batches[1]), restarted.Store.Received);
    }

    [Fact]
    public async Task RecordsForwardedBeforeARestartAreNotForwardedAgain()
    {
        await using var harness = new SpoolHarness();
        await harness.StartForwarderAsync();
        await harness.Spool.AppendAsync(TestPoints.Batch(0, 5), true, default);
        await harness.Spool.AppendAsync(TestPoints.Batch(5, 5), true, default);
        await harness.Store.WhenReceived(10);

        await harness.RestartAsync();
        harness.Store = new FakeHistoryStore();
        await harness.StartForwarderAsync();
        await harness.Spool.AppendAsync(TestPoints.Batch(10, 5), true, default);
        await harness.Store.WhenReceived(5);
        await harness.StopForwarderAsync();

        TestPoints.AssertSame(TestPoints.Batch(10, 5), harness.Store.Received);
    }

    [Fact]
    public async Task RecordsNotYetForwardedAreForwardedAfterARestart()
    {
        await using var harness = new SpoolHarness();
        await harness.StartForwarderAsync();
        await harness.Spool.AppendAsync(TestPoints.Batch(0, 5), true, default);
        await harness.Store.WhenReceived(5);
        await harness.StopForwarderAsync();
        await harness.Spool.AppendAsync(TestPoints.Batch(5, 5), true, default);
        await harness.Spool.AppendAsync(TestPoints.Batch(10, 5), false, default);

        await harness.RestartAsync();
        var reopened = harness.Spool.Stats;
        await harness.StartForwarderAsync();
        await harness.Store.WhenReceived(15);
        await harness.StopForwarderAsync();

        Assert.Equal(2, reopened.PendingRecords);
        Assert.Equal(ObservedClock.Start, reopened.OldestPending);
        TestPoints.AssertSame(TestPoints.Batch(0, 15), harness.Store.Received);
    }

    [Fact]
    public async Task ASegmentWithoutAValidHeaderIsSetAsideAndTheSpoolStillWorks()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iot-spool-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var junk = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        await File.WriteAllBytesAsync(Path.Combine(folder, "000000000001.seg"), junk);

        await using var harness = new SpoolHarness(folder: folder);
        await harness.StartForwarderAsync();
        await harness.Spool.AppendAsync(TestPoints.Batch(0, 5), true, default);
        await harness.Store.WhenReceived(5);

        Assert.Equal(junk, await File.ReadAllBytesAsync(Path.Combine(folder, "rejected", "000000000001.seg.corrupt")));
        Assert.Equal(["000000000002.seg"], harness.SegmentFiles());
    }

    private static void Harm(string segment, Damage damage, int frame)
    {
        using var stream = new FileStream(segment, FileMode.Open, FileAccess.ReadWrite);
        Assert.Equal(8 + (3 * frame), stream.Length);
        switch (damage)
        {
            case Damage.CutMidRecord:
                stream.SetLength(stream.Length - 5);
                break;
            case Damage.ZerosAfterLastRecord:
                stream.SetLength(stream.Length - frame);
                stream.SetLength(stream.Length + frame + 4096);
                break;
            case Damage.FlippedByteInLastRecord:
                stream.Position = stream.Length - 3;
                var b = stream.ReadByte();
                stream.Position = stream.Length - 3;
                stream.WriteByte((byte)(b ^ 0x40));
                break;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
