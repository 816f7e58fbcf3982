using IotService.Ingest.Payloads;

namespace IotService.Ingest.Diagnostics;

/// <summary>The snake_case names rejection reasons carry in metrics tags and <c>/api/ingest/stats</c>.</summary>
public static class RejectReasonNames
{
    private static readonly string[] Names = Enum.GetValues<RejectReason>()
        .OrderBy(r => (int)r)
        .Select(r => ToSnakeCase(r.ToString()))
        .ToArray();

    public static int Count => Names.Length;

    public static string Of(RejectReason reason) => Names[(int)reason];

    private static string ToSnakeCase(string name)
        => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
