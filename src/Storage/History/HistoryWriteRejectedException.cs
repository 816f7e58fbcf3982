namespace IotService.Storage.History;

/// <summary>
/// Some points of a write are bad and will never be stored: writing them again fails the same way,
/// so a caller should count them and move on, not retry. Thrown after every other point of the
/// write has been sent: those are stored (InfluxDB 1.x keeps the good lines of a request it partly refuses).
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

    public HistoryWriteRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public HistoryWriteRejectedException(string message, int rejectedPoints, int? statusCode)
        : base(message)
    {
        RejectedPoints = rejectedPoints;
        StatusCode = statusCode;
    }

    /// <summary>Points refused before sending (see <see cref="LineProtocolRules"/>); the server does not say how many of its lines it refused.</summary>
    public int RejectedPoints { get; }

    /// <summary>The HTTP status when InfluxDB refused the write; null when the store refused points itself.</summary>
    public int? StatusCode { get; }
}
