using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Map;

namespace IotService.Dashboard.Tests.Map;

public sealed class DeviceDeltasTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static DeviceDelta Delta(int second, bool complete = false, params (string Property, double Value, int At)[] values) =>
        new("dev-1", "chiller-x", "cust-1", T0.AddSeconds(second), complete)
        {
            Values = values.ToDictionary(v => v.Property, v => new PropertyValue(v.Value, T0.AddSeconds(v.At))),
        };

    [Fact]
    public void MergingKeepsTheNewerValueOfEachFieldAndWhatOnlyTheOlderSaid()
    {
        var older = Delta(1, values: [("rpm", 1000, 1), ("temperature", 20, 1)]) with { Status = DeviceStatus.Online, Location = new GeoPoint(1, 2) };
        var newer = Delta(2, values: [("rpm", 1100, 2)]) with { HighestActiveSeverity = Severity.Major, Location = new GeoPoint(3, 4) };

        var merged = DeviceDeltas.Merge(older, newer);

        Assert.Equal((T0.AddSeconds(2), false), (merged.At, merged.Complete));
        Assert.Equal((new GeoPoint(3, 4), DeviceStatus.Online, Severity.Major), (merged.Location, merged.Status, merged.HighestActiveSeverity));
        Assert.Equal(new Dictionary<string, double> { ["rpm"] = 1100, ["temperature"] = 20 }, merged.Values.ToDictionary(v => v.Key, v => v.Value.Value));
    }

    [Fact]
    public void AValueNeverGoesBackToAnOlderReading()
    {
        var merged = DeviceDeltas.Merge(Delta(1, values: [("rpm", 1000, 5)]), Delta(2, values: [("rpm", 900, 4)]));

        Assert.Equal(new PropertyValue(1000, T0.AddSeconds(5)), merged.Values["rpm"]);
    }

    [Fact]
    public void ACompleteDeltaStaysCompleteWhenLaterOnesAreMergedIntoItAndReplacesAnEarlierOne()
    {
        var complete = Delta(2, complete: true, values: [("rpm", 1000, 2)]) with { Status = DeviceStatus.Unknown };

        Assert.True(DeviceDeltas.Merge(complete, Delta(3, values: [("temperature", 20, 3)])).Complete);
        Assert.Same(complete, DeviceDeltas.Merge(Delta(1, values: [("door", 1, 1)]), complete));
    }
}
