namespace IotService.Ingest.History;

/// <summary>
/// The history store refused a batch for good (a bad point, not an outage): sending it again
/// would fail again.
/// </summary>
public sealed class HistoryWriteRejectedException : Exception
{
    public HistoryWriteRejectedException()
    {
    }

    public HistoryWriteRejectedException(string message)
        : base(message)
    {
    }

    public HistoryWriteRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
