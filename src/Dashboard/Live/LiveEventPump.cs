using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Live;

/// <summary>
/// Sends the events of one <see cref="LiveEventQueue{T}"/>, one at a time and in the order they were published, so a
/// record's events reach each client in the order its grain stored them. A failing event or send is logged and skipped:
/// it must not end the service (or, through BackgroundService, the host), and the record itself is stored.
/// </summary>
public abstract partial class LiveEventPump<T>(ChannelReader<T> reader, IHubContext<MapHub> hub, ILogger logger) : BackgroundService
{
    protected abstract Task SendAsync(T item, CancellationToken cancellationToken);

    /// <summary>The event in a log line ("raised of alarm 01J…").</summary>
    protected abstract string Describe(T item);

    /// <summary>Sends each message to its group; one group's failure does not keep the message from the others.</summary>
    protected async Task SendLiveAsync(T item, IEnumerable<LiveMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            try
            {
                await hub.Clients.Group(message.Group).SendAsync(message.Method, message.Payload, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSendFailed(e, message.Method, Describe(item), message.Group);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await SendAsync(item, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogFailed(e, Describe(item));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: events still queued are not sent; the records themselves are stored.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Method} ({Change}) to group {Group}")]
    private partial void LogSendFailed(Exception exception, string method, string change, string group);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send {Change}")]
    private partial void LogFailed(Exception exception, string change);
}
