using IotService.Contracts.Telemetry;

namespace IotService.Ingest.Payloads;

/// <summary>Collects the outcomes of the readings of one array payload.</summary>
internal struct ParseResultBuilder
{
    private List<TelemetryReading>? _readings;
    private int[]? _rejected;
    private int _ignored;
    private RejectReason? _firstReason;
    private string? _firstDetail;

    /// <summary>Only the first rejection's detail is kept, so later ones need not format theirs.</summary>
    public readonly bool WantsDetail => _firstReason is null;

    public void Add(in ReadingOutcome outcome, int index)
    {
        if (outcome.Reading is { } reading)
        {
            (_readings ??= []).Add(reading);
            _ignored += outcome.IgnoredValues;
        }
        else
        {
            Reject(outcome.Reason, outcome.Detail, index);
        }
    }

    public void Reject(RejectReason reason, string? detail, int index)
    {
        _rejected ??= new int[ParseResult.ReasonSlots];
        _rejected[(int)reason]++;
        if (_firstReason is null)
        {
            _firstReason = reason;
            _firstDetail = index < 0 ? detail : $"reading [{index}]: {detail}";
        }
    }

    public readonly ParseResult Build() =>
        ParseResult.ForReadings(_readings ?? (IReadOnlyList<TelemetryReading>)[], _rejected, _ignored, _firstReason, _firstDetail);
}
