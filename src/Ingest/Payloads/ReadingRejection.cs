namespace IotService.Ingest.Payloads;

/// <summary>The first problem found in the reading being parsed; later ones do not change it.</summary>
internal struct ReadingRejection
{
    private bool _wantDetail;

    public RejectReason? Reason { get; private set; }

    public string? Detail { get; private set; }

    public readonly bool IsRejected => Reason is not null;

    /// <summary>Whether a detail passed now would be kept, so callers format one only then.</summary>
    public readonly bool WantsDetail => _wantDetail && Reason is null;

    public void Reset(bool wantDetail)
    {
        _wantDetail = wantDetail;
        Reason = null;
        Detail = null;
    }

    public void Reject(RejectReason reason, string? detail)
    {
        if (Reason is null)
        {
            Reason = reason;
            Detail = _wantDetail ? detail : null;
        }
    }
}
