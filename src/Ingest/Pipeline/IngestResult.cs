namespace IotService.Ingest.Pipeline;

/// <summary>
/// The outcome of one publish, known once it is queued, and <see cref="Stored"/>, which completes
/// when history holds it durably (at once for QoS 0, status and rejected messages). It faults
/// with <see cref="NotStoredException"/> when history failed: then no acknowledgement may be sent.
/// </summary>
public readonly record struct IngestResult(PublishOutcome Outcome, Task Stored)
{
    public static IngestResult Completed(PublishOutcome outcome) => new(outcome, Task.CompletedTask);
}
