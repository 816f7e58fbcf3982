namespace IotService.Dashboard.Map;

/// <summary>
/// Argument of the hub method <c>JoinViewport</c>: the rectangle the client shows (degrees; <paramref name="West"/>
/// greater than <paramref name="East"/> when it crosses the antimeridian), its zoom (0–24, as MapLibre counts) and
/// optional filters by severity and status names (<c>["major","critical"]</c>; none or empty = all).
/// </summary>
public sealed record ViewportRequest(
    double? West,
    double? South,
    double? East,
    double? North,
    double? Zoom,
    IReadOnlyList<string>? Severity = null,
    IReadOnlyList<string>? Status = null);
