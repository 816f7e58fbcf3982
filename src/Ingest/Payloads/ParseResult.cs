using IotService.Contracts.Telemetry;

namespace IotService.Ingest.Payloads;

/// <summary>
/// What one telemetry message yielded: the accepted readings and, for metrics and logs, what was rejected and why.
/// A rejected message counts as one rejection; in an array each rejected reading counts as one.
/// </summary>
public sealed class ParseResult
{
    /// <summary>Size of a per-reason count array: one slot per <see cref="RejectReason"/> value.</summary>
    internal static readonly int ReasonSlots = (int)Enum.GetValues<RejectReason>().Max() + 1;

    private readonly int[]? _rejected;

    private ParseResult(
        IReadOnlyList<TelemetryReading> readings,
        int[]? rejected,
        int totalRejected,
        int ignoredValues,
        RejectReason? firstRejection,
        string? firstRejectionDetail,
        bool isMessageRejected)
    {
        Readings = readings;
        _rejected = rejected;
        TotalRejected = totalRejected;
        IgnoredValues = ignoredValues;
        FirstRejection = firstRejection;
        FirstRejectionDetail = firstRejectionDetail;
        IsMessageRejected = isMessageRejected;
    }

    /// <summary>The accepted readings in payload order; timestamps are UTC.</summary>
    public IReadOnlyList<TelemetryReading> Readings { get; }

    /// <summary>Rejected readings (or 1 for a rejected message) over all reasons.</summary>
    public int TotalRejected { get; }

    /// <summary>Undeclared values dropped from accepted readings under <c>UnknownPropertyPolicy.Ignore</c>.</summary>
    public int IgnoredValues { get; }

    /// <summary>The whole message was rejected (too large, not JSON, wrong shape, no readings).</summary>
    public bool IsMessageRejected { get; }

    /// <summary>The reason of the first rejection in payload order, if any.</summary>
    public RejectReason? FirstRejection { get; }

    /// <summary>A short text about the first rejection, for logs; array payloads name the element, e.g. <c>reading [3]: …</c>.</summary>
    public string? FirstRejectionDetail { get; }

    /// <summary>How many readings (or messages) were rejected for <paramref name="reason"/>.</summary>
    public int RejectedCount(RejectReason reason)
    {
        if (IsMessageRejected)
        {
            return reason == FirstRejection ? 1 : 0;
        }

        return _rejected is not null && (uint)reason < (uint)_rejected.Length ? _rejected[(int)reason] : 0;
    }

    internal static ParseResult ForMessage(RejectReason reason, string detail) =>
        new([], null, 1, 0, reason, detail, isMessageRejected: true);

    internal static ParseResult ForReadings(
        IReadOnlyList<TelemetryReading> readings,
        int[]? rejected,
        int ignoredValues,
        RejectReason? firstRejection,
        string? firstRejectionDetail)
    {
        int total = rejected is null ? 0 : rejected.Sum();
        return new(readings, rejected, total, ignoredValues, firstRejection, firstRejectionDetail, isMessageRejected: false);
    }
}
