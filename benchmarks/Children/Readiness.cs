using System.Diagnostics;
using System.Net.Sockets;

namespace IotService.Benchmarks.Children;

/// <summary>Waits, bounded, until a started server answers — or fails early with its output when it died.</summary>
public static class Readiness
{
    public static async Task WaitAsync(ChildProcess child, Func<Task<bool>> probe, TimeSpan within, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            child.ThrowIfExited();
            try
            {
                if (await probe())
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException && !stop.IsCancellationRequested)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"The {child.Name} did not answer within {within.TotalSeconds:F0} s. Its last output:{Environment.NewLine}{child.Tail}");
            }

            await Task.Delay(200, stop);
        }
    }

    public static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        return true;
    }
}
