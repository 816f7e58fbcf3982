using IotService.Ingest.Payloads;

namespace IotService.Ingest.Diagnostics;

/// <summary>The snake_case names rejection reasons carry in metrics tags and <c>/api/ingest/stats</c>.</summary>
public static class RejectReasonNames
{
    public static int Count => SnakeCaseNames<RejectReason>.Count;

    public static string Of(RejectReason reason) => SnakeCaseNames<RejectReason>.Of(reason);
}
