using IotService.Contracts.Devices;
using IotService.Contracts.Telemetry;
using IotService.Ingest.Directory;
using IotService.Ingest.HistoryWriting;
using IotService.Ingest.Pipeline;
using IotService.TestSupport.History;

namespace IotService.Ingest.Tests.HistoryWriting;

public sealed class SpooledHistoryWriterTests
{
    [Fact]
    public async Task ReadingsBecomePointsTaggedWithModelAndCustomerWhileStatusChangesAndUnknownDevicesAreSkipped()
    {
        await using var harness = new SpoolHarness();
        var directory = new DeviceDirectory();
        directory.Upsert(new DeviceEntry("chiller-1", "ch-200", "acme", "hash"));
        directory.Upsert(new DeviceEntry("robot-2", "rb-1", null, "hash"));
        var writer = new SpooledHistoryWriter(harness.Spool, directory);
        var t = TestPoints.T0;
        IngestItem[] batch =
        [
            new("chiller-1", t, [new(t, [new("temperature", 71.5)], null), new(t.AddSeconds(1), [new("temperature", 72)], null)]),
            new("robot-2", t, [], DeviceStatus.Online),
            new("robot-2", t, [new(t.AddSeconds(2), [new("battery", 0.5), new("rpm", 100)], null)]),
            new("gone-3", t, [new(t, [new("temperature", 1)], null)]),
        ];

        await writer.WriteAsync(batch, durable: true, default);
        await harness.StartForwarderAsync();
        await harness.Store.WhenReceived(3);
        await harness.StopForwarderAsync();

        Assert.Equal(
            ["chiller-1/ch-200/acme/" + t.ToUnixTimeMilliseconds() + "/temperature=71.5",
             "chiller-1/ch-200/acme/" + t.AddSeconds(1).ToUnixTimeMilliseconds() + "/temperature=72",
             "robot-2/rb-1//" + t.AddSeconds(2).ToUnixTimeMilliseconds() + "/battery=0.5,rpm=100"],
            harness.Store.Received.Select(TestPoints.Describe));
        Assert.Equal(1, harness.Spool.Stats.Fsyncs);
    }

    [Fact]
    public async Task ABatchOfOnlyStatusChangesWritesNothing()
    {
        await using var harness = new SpoolHarness();
        var directory = new DeviceDirectory();
        directory.Upsert(new DeviceEntry("d", "m", null, "hash"));
        var writer = new SpooledHistoryWriter(harness.Spool, directory);

        await writer.WriteAsync([new IngestItem("d", TestPoints.T0, Array.Empty<TelemetryReading>(), DeviceStatus.Offline)], durable: true, default);

        Assert.Equal(0, harness.Spool.Stats.PendingRecords);
        Assert.Equal(0, harness.Spool.Stats.Fsyncs);
    }
}
