using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace IotService.Ingest.Mqtt.Transport;

/// <summary>Listens on one endpoint and hands every accepted socket to the connection handler, each on its own task.</summary>
internal sealed partial class TcpAcceptor(MqttEndpoint endpoint, Func<Socket, MqttEndpoint, Task> handle, TimeProvider time, ILogger logger) : IDisposable
{
    private const int Backlog = 512;
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromSeconds(1);

    private readonly Socket _listener = new(endpoint.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

    public void Start(CancellationToken stopping)
    {
        _listener.NoDelay = true;
        _listener.Bind(endpoint.Address);
        _listener.Listen(Backlog);
        _ = Task.Run(() => AcceptLoopAsync(stopping), CancellationToken.None);
    }

    public void Dispose() => _listener.Dispose();

    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // Out of file descriptors and the like: back off instead of spinning, and keep listening.
                LogAcceptFailed(ex, endpoint.ToString());
                try
                {
                    await Task.Delay(AcceptRetryDelay, time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            client.NoDelay = true;
            _ = Task.Run(() => handle(client, endpoint), CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Accepting an MQTT connection on {Endpoint} failed")]
    private partial void LogAcceptFailed(Exception exception, string endpoint);
}
