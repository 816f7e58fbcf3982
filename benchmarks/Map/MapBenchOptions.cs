using IotService.Benchmarks.Cli;

namespace IotService.Benchmarks.Map;

/// <summary>
/// Command line of the live-map benchmark:
/// <c>map [--devices 100000] [--connections 200] [--rate 2000] [--seconds 20] [--seed 16]</c>. It runs the hub's
/// <c>LiveMap</c> in process over a synthetic fleet (<see cref="SyntheticFleet"/>), with connections whose messages are
/// serialised by SignalR's own JSON and MessagePack hub protocols instead of written to sockets.
/// </summary>
public sealed record MapBenchOptions(int Devices, int Connections, int Rate, int Seconds, int Seed)
{
    public static MapBenchOptions Parse(string[] args)
    {
        var line = Arguments.Parse(args);
        return new MapBenchOptions(
            line.Int("devices", 100_000),
            line.Int("connections", 200),
            line.Int("rate", 2000),
            line.Int("seconds", 20),
            line.Int("seed", 16));
    }
}
