using IotService.Contracts.Devices;
using IotService.Dashboard.Map;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Map;

/// <summary>The projection is whole from the start: a restarted hub knows every registered device before any of them speaks.</summary>
public sealed class MapRestartTests
{
    [Fact]
    public async Task ARestartedHubShowsEveryRegisteredDeviceBeforeAnyReading()
    {
        var area = MapArea.Next();
        var first = await HubHost.StartAsync();
        await first.CreateChillerModelAsync();
        await area.RegisterAsync(first, "restart-1", 0.2, 0.2);
        await area.RegisterAsync(first, "restart-2", 0.7, 0.7);
        await first.StopAsync();

        await using var hub = await HubHost.StartAsync(first.DataPath);
        var map = hub.Get<LiveMap>();
        await using var staff = await MapClient.ConnectAsync(hub, HubHost.AdminToken);
        var snapshot = await staff.JoinAsync(area.Viewport());

        Assert.Equal(["restart-1", "restart-2"], snapshot.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        var known = map.Find("restart-2")!;
        Assert.Equal((0L, DeviceStatus.Unknown, area.At(0.7, 0.7).Lat), (known.Sequence, known.Status, known.Location!.Lat));
        await first.DisposeAsync();
    }
}
