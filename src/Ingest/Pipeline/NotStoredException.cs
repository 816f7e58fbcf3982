namespace IotService.Ingest.Pipeline;

/// <summary>History could not store a QoS 1 reading: it must not be acknowledged, so the sender sends it again.</summary>
public sealed class NotStoredException : Exception
{
    public NotStoredException()
    {
    }

    public NotStoredException(string message)
        : base(message)
    {
    }

    public NotStoredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
