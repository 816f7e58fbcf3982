using System.Net;
using System.Net.Sockets;

namespace IotService.Benchmarks.Children;

/// <summary>Loopback ports nobody listens on, as the kernel hands them out.</summary>
public static class FreePorts
{
    /// <summary>
    /// <paramref name="count"/> distinct ports: all are held open together before any is released, so the kernel
    /// cannot hand out one twice. Another process could still take one before the child binds it; the child then
    /// fails to start with a clear error rather than measuring the wrong server.
    /// </summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }
}
