using System.Net.Sockets;

namespace IotService.Integration.Tests.Infrastructure;

/// <summary>
/// A bare TCP connection to a broker over loopback, for what no MQTT client library sends: oversized headers,
/// silence, half a packet.
/// </summary>
public sealed class RawConnection : IDisposable
{
    private readonly Socket _socket;

    private RawConnection(Socket socket) => _socket = socket;

    public static async Task<RawConnection> OpenAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(System.Net.IPAddress.Loopback, port);
        return new RawConnection(socket);
    }

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes);

    /// <summary>Sends up to <paramref name="total"/> zero bytes, stopping when the server has closed the connection.</summary>
    /// <returns>How many bytes the socket accepted.</returns>
    public async Task<long> SendUntilClosedAsync(long total)
    {
        var chunk = new byte[64 * 1024];
        long sent = 0;
        try
        {
            while (sent < total)
            {
                sent += await _socket.SendAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, total - sent)));
            }
        }
        catch (SocketException)
        {
            // Reset or broken pipe: the server is gone.
        }

        return sent;
    }

    /// <summary>Reads (and drops) whatever the server sends until it closes the connection.</summary>
    /// <returns>False when the connection is still open after <paramref name="timeout"/>.</returns>
    public async Task<bool> ClosedByServerWithinAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (await _socket.ReceiveAsync(buffer, deadline.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
