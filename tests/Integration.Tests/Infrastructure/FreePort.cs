using System.Net;
using System.Net.Sockets;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>
/// Loopback ports for test servers. Not the OS's ephemeral ports (port 0): between handing one out and the hub binding
/// it, any outgoing connection of a parallel test may take it as its local port ("Address already in use", seen in CI).
/// Ports come from below Linux's ephemeral range (32768+), each handed out once per process, starting at an offset of
/// the process id so parallel test assemblies rarely meet, and each is checked free by binding it first.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly Lock Gate = new();
    private static int _next = First + (Environment.ProcessId * 97 % (Last - First));

    /// <summary>A loopback TCP port nobody listens on right now and no earlier call of this process returned.</summary>
    public static int Next()
    {
        lock (Gate)
        {
            for (var tries = 0; tries < Last - First; tries++)
            {
                var port = _next;
                _next = _next + 1 >= Last ? First : _next + 1;
                if (IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
