namespace IotService.Ingest.History;

/// <summary>
/// The history store cannot be reached or is failing (5xx, timeout, refused connection).
/// The data is fine: keep it and try again later.
/// </summary>
public sealed class HistoryStoreUnavailableException : Exception
{
    public HistoryStoreUnavailableException()
    {
    }

    public HistoryStoreUnavailableException(string message)
        : base(message)
    {
    }

    public HistoryStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
