using System.Diagnostics.Metrics;
using IotService.Ingest.Diagnostics;
using IotService.Ingest.Payloads;
using Microsoft.Extensions.DependencyInjection;

namespace IotService.Ingest.Tests.Diagnostics;

public sealed class IngestStatsTests
{
    [Fact]
    public void RejectionsAreCountedPerReasonInTheSnapshotAndAsTaggedMeasurements()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var stats = new IngestStats(services.GetRequiredService<IMeterFactory>());
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestStats.MeterName && instrument.Name == "iot.ingest.rejected")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var reason = (string)tags.ToArray().Single(t => t.Key == "reason").Value!;
            measured[reason] = measured.GetValueOrDefault(reason) + value;
        });
        listener.Start();

        stats.Reject(RejectReason.MalformedJson);
        stats.Reject(RejectReason.InvalidValue, 3);
        stats.Accepted(5);

        var snapshot = stats.Snapshot(DateTimeOffset.UnixEpoch, 0, 0);
        Assert.Equal(1, snapshot.Rejected["malformed_json"]);
        Assert.Equal(3, snapshot.Rejected["invalid_value"]);
        Assert.Equal(0, snapshot.Rejected["unknown_device"]);
        Assert.Equal(4, snapshot.RejectedTotal);
        Assert.Equal(5, snapshot.AcceptedReadings);
        Assert.Equal(new Dictionary<string, long> { ["malformed_json"] = 1, ["invalid_value"] = 3 }, measured);
    }

    [Fact]
    public void EveryRejectReasonHasASnakeCaseName()
    {
        Assert.Equal("timestamp_out_of_range", RejectReasonNames.Of(RejectReason.TimestampOutOfRange));
        Assert.Equal("out_of_range", RejectReasonNames.Of(RejectReason.OutOfRange));
        Assert.Equal(Enum.GetValues<RejectReason>().Length, Enum.GetValues<RejectReason>().Select(RejectReasonNames.Of).Distinct().Count());
    }
}
