using System.Security.Claims;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Ingest.Directory;
using IotService.Storage.History;
using IotService.Storage.History.Spool;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Devices;

/// <summary><c>GET /api/devices/{id}/telemetry?property=&amp;from=&amp;to=&amp;interval=&amp;limit=</c>: raw points or per-interval aggregates.</summary>
public static class TelemetryApi
{
    private const int MaxBuckets = 100_000;

    public sealed record Series(string Property, IReadOnlyList<RawPoint>? Points, IReadOnlyList<AggregatePoint>? Aggregates);

    public sealed record TelemetryResponse(string DeviceId, DateTimeOffset From, DateTimeOffset To, string? Interval, IReadOnlyList<Series> Series);

    public static IEndpointRouteBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/devices/{id}/telemetry", GetAsync).WithTags("Devices").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Ok<TelemetryResponse>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, DeviceDirectory directory, IHistoryStore history, HistoryCatchUp catchUp, TimeProvider time,
        string? property, DateTimeOffset? from, DateTimeOffset? to, string? interval, int? limit, CancellationToken ct)
    {
        if (!directory.TryGetDevice(id, out var device) || !user.MaySee(device.CustomerId) || !directory.TryGetModel(device.ModelId, out var model))
        {
            return ApiProblems.NotFound("device", id);
        }

        // Readings carry whole milliseconds; so do the bounds, so that every store cuts the same way.
        var end = WholeMilliseconds(to ?? time.GetUtcNow());
        var start = WholeMilliseconds(from ?? end.AddHours(-1));
        var errors = new ValidationErrors();
        errors.Require(start < end, "from", "must be before to");
        TimeSpan step = default;
        errors.Require(interval is null || Durations.TryParse(interval, out step), "interval", "a duration such as 30s, 5m, 1h, 1d");
        errors.Require(interval is null || step <= TimeSpan.Zero || (end - start) / step <= MaxBuckets, "interval", $"at most {MaxBuckets} intervals per query");
        errors.Require(limit is null or (>= 1 and <= 100_000), "limit", "1 to 100000");
        var properties = model.VisibleProperties(customer: user.CustomerScope() is not null);
        var asked = property?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [.. properties];
        foreach (var name in asked.Where(n => !properties.Contains(n)))
        {
            errors.Add("property", $"'{name}' is not a property of model '{model.Definition.Id}' you may see");
        }

        errors.ThrowIfAny();

        // Acknowledged means stored: the answer includes every reading acknowledged before the request.
        await catchUp.WaitAsync(ct);
        var series = new List<Series>();
        foreach (var name in asked)
        {
            var query = new HistoryQuery(id, name, start, end, limit ?? 10_000);
            series.Add(interval is null
                ? new Series(name, await history.QueryRawAsync(query, ct), null)
                : new Series(name, null, await history.QueryAggregateAsync(query, step, ct)));
        }

        return TypedResults.Ok(new TelemetryResponse(id, start, end, interval, series));
    }

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset t) => DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds());

}
