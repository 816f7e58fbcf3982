namespace IotService.Ingest.Mqtt.Accounts;

/// <summary>The external broker did not do what the hub asked of it; the message names the broker and why.</summary>
public sealed class BrokerUnavailableException : Exception
{
    public BrokerUnavailableException(string message)
        : base(message)
    {
    }

    public BrokerUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
