using IotService.Contracts.Telemetry;

namespace IotService.Ingest.Payloads;

/// <summary>What became of one reading object: accepted (<see cref="Reading"/> set) or rejected for <see cref="Reason"/>.</summary>
/// <param name="Detail">Set for rejections when the caller asked for details; null otherwise.</param>
/// <param name="IgnoredValues">Undeclared values dropped from an accepted reading.</param>
internal readonly record struct ReadingOutcome(TelemetryReading? Reading, RejectReason Reason, string? Detail, int IgnoredValues)
{
    public static ReadingOutcome Accepted(TelemetryReading reading, int ignoredValues) => new(reading, default, null, ignoredValues);

    public static ReadingOutcome Rejected(RejectReason reason, string? detail) => new(null, reason, detail, 0);
}
