using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Map;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Tests.Map;

public sealed class ViewportTests
{
    private static ViewportRequest Request(double? west = 121, double? south = 31, double? east = 122, double? north = 32, double? zoom = 10)
        => new(west, south, east, north, zoom);

    [Fact]
    public void AValidRequestBecomesItsBoundsZoomAndFilters()
    {
        var viewport = Viewport.From(Request() with { Severity = ["Critical", "major"], Status = ["online"] });

        Assert.Equal((new GeoBounds(121, 31, 122, 32), 10.0), (viewport.Bounds, viewport.Zoom));
        Assert.True(viewport.Matches(new DeviceFacts(null, true, 31.5, 121.5, DeviceStatus.Online, Severity.Major), MapAudience.Everyone));
        Assert.False(viewport.Matches(new DeviceFacts(null, true, 31.5, 121.5, DeviceStatus.Online, Severity.Minor), MapAudience.Everyone));
        Assert.False(viewport.Matches(new DeviceFacts(null, true, 31.5, 121.5, DeviceStatus.Offline, Severity.Major), MapAudience.Everyone));
        Assert.False(viewport.Matches(new DeviceFacts(null, false, 0, 0, DeviceStatus.Online, Severity.Major), MapAudience.Everyone));
    }

    [Fact]
    public void WestGreaterThanEastIsAViewAcrossTheAntimeridian()
    {
        var viewport = Viewport.From(Request(west: 170, east: -170));

        Assert.True(viewport.Bounds.CrossesAntimeridian);
        Assert.True(viewport.Bounds.Contains(31.5, 179));
        Assert.True(viewport.Bounds.Contains(31.5, -175));
        Assert.False(viewport.Bounds.Contains(31.5, 0));
    }

    [Theory]
    [InlineData(-181.0, 31.0, 122.0, 32.0, 10.0, "west must be within [-180, 180]")]
    [InlineData(121.0, -91.0, 122.0, 32.0, 10.0, "south must be within [-90, 90]")]
    [InlineData(121.0, 31.0, 122.0, 95.0, 10.0, "north must be within [-90, 90]")]
    [InlineData(121.0, 33.0, 122.0, 32.0, 10.0, "south must not be greater than north")]
    [InlineData(121.0, 31.0, 122.0, 32.0, 25.0, "zoom must be within [0, 24]")]
    [InlineData(121.0, 31.0, double.NaN, 32.0, 10.0, "east must be within [-180, 180]")]
    public void AnOutOfRangeFieldIsRefusedByName(double west, double south, double east, double north, double zoom, string problem)
    {
        var error = Assert.Throws<HubException>(() => Viewport.From(Request(west, south, east, north, zoom)));

        Assert.Equal($"Invalid viewport: {problem}.", error.Message);
    }

    [Fact]
    public void MissingFieldsAndUnknownNamesAreAllNamed()
    {
        var error = Assert.Throws<HubException>(() => Viewport.From(new ViewportRequest(null, 31, 122, 32, null, ["bad"], ["4"])));

        Assert.Equal(
            "Invalid viewport: west is required; zoom is required; severity 'bad' is not one of none, warning, minor, major, critical; status '4' is not one of unknown, online, offline.",
            error.Message);
        Assert.Throws<HubException>(() => Viewport.From(null));
    }

    [Fact]
    public void ACommaListInOneNameIsRefusedRatherThanReadAsAnotherSeverity()
    {
        // "warning,minor" OR-ed as flags would be "major": a filter nobody asked for.
        var error = Assert.Throws<HubException>(() => Viewport.From(new ViewportRequest(0, 0, 1, 1, 3, ["warning,minor"])));

        Assert.Contains("severity 'warning,minor' is not one of", error.Message, StringComparison.Ordinal);
        Assert.Equal(Viewport.From(new ViewportRequest(0, 0, 1, 1, 3, ["Major"])).SeverityMask, Viewport.From(new ViewportRequest(0, 0, 1, 1, 3, ["major"])).SeverityMask);
    }

    [Fact]
    public void AWatchListHoldsAtMostFiveHundredNonEmptyIds()
    {
        Assert.Equal(2, WatchList.From(["a", "b", "a"]).Count);
        Assert.Empty(WatchList.From(null));
        Assert.Contains("at most 500", Assert.Throws<HubException>(() => WatchList.From([.. Enumerable.Range(0, 501).Select(i => $"d{i}")])).Message, StringComparison.Ordinal);
        Assert.Throws<HubException>(() => WatchList.From([""]));
    }
}
