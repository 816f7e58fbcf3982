namespace IotService.Storage.History;

/// <summary>
/// The history store cannot be reached or refused to work (connection refused, timeout, 5xx, 429,
/// wrong credentials, missing database, a configured series limit reached): nothing is wrong with
/// the points, so keep them and try again later. Writes are idempotent, so resending points that did
/// get stored is harmless.
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

    public HistoryStoreUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
