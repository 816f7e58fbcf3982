using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Map;
using IotService.Storage.Catalogs;

namespace IotService.Dashboard.Tests.Map;

public sealed class DeviceProjectionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static DeviceDelta Delta(int second, bool complete = false) => new("dev-1", "chiller-x", "cust-1", T0.AddSeconds(second), complete);

    private static DeviceSummary Row(string id, double? lat, double? lon, Severity severity = Severity.None) => new(
        id, null, "chiller-x", "cust-1", DeviceStatus.Online, severity, lat, lon, T0, T0, "{}", "hash", "CODE", T0);

    private static List<string> In(DeviceProjection projection, GeoBounds bounds)
    {
        var found = new List<string>();
        projection.Visit(bounds, d => found.Add(d.Id));
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    [Fact]
    public void ApplyingCountsTheGrainsDeltasAndACompleteOneForgetsWhatTheProjectionKnew()
    {
        var projection = new DeviceProjection();

        var first = projection.Apply(new CoalescedDelta(Delta(1) with { HighestActiveSeverity = Severity.Critical, Location = new GeoPoint(31, 121) }, 3));
        var partial = projection.Apply(new CoalescedDelta(Delta(2) with { Status = DeviceStatus.Online }, 1));
        var partialFacts = partial.Device.Facts;
        var complete = projection.Apply(new CoalescedDelta(Delta(3, complete: true), 1));

        Assert.Null(first.Before);
        Assert.Equal(Severity.Critical, partial.Before!.Value.Severity);
        Assert.Equal((DeviceStatus.Online, Severity.Critical, true), (partialFacts.Status, partialFacts.Severity, partialFacts.HasLocation));
        Assert.Equal((5L, T0.AddSeconds(3)), (complete.Device.Sequence, complete.Device.UpdatedAt));
        Assert.Equal((DeviceStatus.Unknown, Severity.None, false), (complete.Device.Status, complete.Device.Severity, complete.Device.HasLocation));
        Assert.Empty(In(projection, GeoBounds.World));
    }

    [Fact]
    public void ACatalogRowAddsADeviceButNeverReplacesOneADeltaBrought()
    {
        var projection = new DeviceProjection();
        projection.Apply(new CoalescedDelta(Delta(1) with { Location = new GeoPoint(10, 10), HighestActiveSeverity = Severity.Major }, 1));

        Assert.False(projection.Load(Row("dev-1", 50, 50)));
        Assert.True(projection.Load(Row("dev-2", null, null, Severity.Minor)));

        Assert.Equal((10.0, Severity.Major), (projection.Find("dev-1")!.Lat, projection.Find("dev-1")!.Severity));
        Assert.Equal((0L, Severity.Minor, false), (projection.Find("dev-2")!.Sequence, projection.Find("dev-2")!.Severity, projection.Find("dev-2")!.HasLocation));
        Assert.Equal(2, projection.Count);
    }

    [Fact]
    public void AMovedDeviceIsFoundWhereItIsNowAndNoLongerWhereItWas()
    {
        var projection = new DeviceProjection();
        projection.Load(Row("a", 31.2, 121.5));
        projection.Load(Row("b", 31.3, 121.6));
        projection.Load(Row("c", 31.4, 121.7));

        projection.Apply(new CoalescedDelta(new DeviceDelta("a", "chiller-x", null, T0, false) { Location = new GeoPoint(39.9, 116.4) }, 1));

        Assert.Equal(["b", "c"], In(projection, new GeoBounds(121, 31, 122, 32)));
        Assert.Equal(["a"], In(projection, new GeoBounds(116, 39, 117, 40)));
        Assert.Equal(["a", "b", "c"], In(projection, GeoBounds.World));
    }

    [Fact]
    public void AViewAcrossTheAntimeridianFindsDevicesOnBothSidesAndTheEdgesAreInside()
    {
        var projection = new DeviceProjection();
        projection.Load(Row("east", -17.7, 178.1));
        projection.Load(Row("west", -13.8, -171.8));
        projection.Load(Row("edge", -90, 180));
        projection.Load(Row("outside", -33.9, 151.2));

        Assert.Equal(["east", "west"], In(projection, new GeoBounds(170, -25, -165, -5)));
        Assert.Equal(["east", "edge", "outside", "west"], In(projection, GeoBounds.World));
    }
}
