using IotService.Integration.Tests.Infrastructure;
using IotService.TestSupport.Mqtt;

namespace IotService.Integration.Tests.Security;

/// <summary>Issue 14 row 1 as the outside probe ran it: 8 sockets × 120 MB against the hub as its own process.</summary>
public sealed class MqttMemoryTests
{
    private const int Sockets = 8;
    private const int DeclaredBytes = 120 * 1024 * 1024;
    private const long SentPerSocket = 32 * 1024 * 1024;
    private const long AllowedGrowth = 100 * 1024 * 1024;

    [Fact]
    public async Task EightConnectsDeclaring120MegabytesEachDoNotGrowTheHubsMemory()
    {
        await using var hub = await HubProcess.StartAsync(TempFolder.Create("memory"));
        var before = hub.ResidentBytes();

        // Without a limit the broker allocates the declared size and fills it with what follows: 8 × 32 MB here.
        var connections = await Task.WhenAll(Enumerable.Range(0, Sockets).Select(_ => RawConnection.OpenAsync(hub.MqttPort)));
        var sent = await Task.WhenAll(connections.Select(async c =>
        {
            await c.SendAsync(MqttWire.ConnectHeader(DeclaredBytes));
            return await c.SendUntilClosedAsync(SentPerSocket);
        }));
        var closed = await Task.WhenAll(connections.Select(c => c.ClosedByServerWithinAsync(TimeSpan.FromSeconds(10))));
        var growth = hub.ResidentBytes() - before;
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        Assert.All(closed, Assert.True);
        Assert.All(sent, s => Assert.True(s < SentPerSocket, $"the hub read all {s} bytes"));
        Assert.True(growth < AllowedGrowth, $"resident memory grew by {growth / (1024 * 1024)} MB");
        Assert.Equal(Sockets, await HubApi.RefusedAsync(hub.Admin, "packet_too_large"));
    }
}
