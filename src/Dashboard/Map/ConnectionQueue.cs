namespace IotService.Dashboard.Map;

/// <summary>
/// The messages waiting for one connection, sent one after another in the order they were queued, so a snapshot and
/// the deltas after it can never overtake each other. Queuing never waits; a send that fails is logged and skipped.
/// <see cref="HasRoom"/> tells the window whether the connection keeps up: with two messages outstanding (one being
/// sent, one waiting) it is not queued another, and its changes keep coalescing instead.
/// </summary>
public sealed partial class ConnectionQueue(string connectionId, IMapClients clients, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly Queue<(string Method, object Payload, TaskCompletionSource Sent)> _waiting = new();
    private bool _sending;
    private bool _closed;
    private int _outstanding;

    /// <summary>At most one message is queued and not yet sent.</summary>
    public bool HasRoom
    {
        get
        {
            lock (_gate)
            {
                return _outstanding <= 1;
            }
        }
    }

    /// <returns>Completes when the message was handed to the connection (or could not be).</returns>
    public Task Enqueue(string method, object payload)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = false;
        lock (_gate)
        {
            if (_closed)
            {
                sent.SetResult();
                return sent.Task;
            }

            _waiting.Enqueue((method, payload, sent));
            _outstanding++;
            start = !_sending;
            _sending = true;
        }

        if (start)
        {
            _ = Task.Run(PumpAsync);
        }

        return sent.Task;
    }

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var (_, _, sent) in _waiting)
            {
                sent.TrySetResult();
            }

            _outstanding -= _waiting.Count;
            _waiting.Clear();
        }
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            (string Method, object Payload, TaskCompletionSource Sent) next;
            lock (_gate)
            {
                if (!_waiting.TryDequeue(out next))
                {
                    _sending = false;
                    return;
                }
            }

            try
            {
                await clients.SendAsync(connectionId, next.Method, next.Payload, CancellationToken.None);
            }
            catch (Exception e)
            {
                LogSendFailed(e, next.Method, connectionId);
            }

            lock (_gate)
            {
                _outstanding--;
            }

            next.Sent.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send {Method} to live connection {ConnectionId}")]
    private partial void LogSendFailed(Exception exception, string method, string connectionId);
}
