using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Api;
using Microsoft.AspNetCore.SignalR;

namespace IotService.Dashboard.Map;

/// <summary>A validated <see cref="ViewportRequest"/>: the rectangle, the zoom and the filters as bit masks (0 = any).</summary>
public sealed record Viewport(GeoBounds Bounds, double Zoom, int SeverityMask = 0, int StatusMask = 0)
{
    public const double MaxZoom = 24;

    public bool Matches(in DeviceFacts device, MapAudience audience)
        => device.HasLocation
            && Bounds.Contains(device.Lat, device.Lon)
            && (SeverityMask == 0 || (SeverityMask & (1 << (int)device.Severity)) != 0)
            && (StatusMask == 0 || (StatusMask & (1 << (int)device.Status)) != 0)
            && audience.MaySee(device.CustomerId);

    /// <summary>The viewport a request asks for.</summary>
    /// <exception cref="HubException">Naming every field that is missing or out of range.</exception>
    public static Viewport From(ViewportRequest? request)
    {
        if (request is null)
        {
            throw new HubException("Invalid viewport: a viewport {west, south, east, north, zoom} is required.");
        }

        var problems = new List<string>();
        var west = Within(request.West, "west", -180, 180, problems);
        var east = Within(request.East, "east", -180, 180, problems);
        var south = Within(request.South, "south", -90, 90, problems);
        var north = Within(request.North, "north", -90, 90, problems);
        var zoom = Within(request.Zoom, "zoom", 0, MaxZoom, problems);
        if (request.South is { } s && request.North is { } n && s > n)
        {
            problems.Add("south must not be greater than north");
        }

        var severities = Mask<Severity>(request.Severity, "severity", problems);
        var statuses = Mask<DeviceStatus>(request.Status, "status", problems);
        if (problems.Count > 0)
        {
            throw new HubException("Invalid viewport: " + string.Join("; ", problems) + ".");
        }

        return new Viewport(new GeoBounds(west, south, east, north), zoom, severities, statuses);
    }

    private static double Within(double? value, string name, double min, double max, List<string> problems)
    {
        if (value is not { } v)
        {
            problems.Add($"{name} is required");
            return 0;
        }

        if (!(v >= min && v <= max))
        {
            problems.Add($"{name} must be within [{min}, {max}]");
        }

        return v;
    }

    private static int Mask<T>(IReadOnlyList<string>? names, string field, List<string> problems)
        where T : struct, Enum
    {
        var mask = 0;
        foreach (var name in names ?? [])
        {
            // Exact names only: Enum.TryParse would read "warning,minor" as the two OR-ed together, which is another value.
            if (name is null || !EnumNames<T>.ByName.TryGetValue(name, out var value))
            {
                problems.Add($"{field} '{name}' is not one of {string.Join(", ", EnumNames<T>.Written)}");
                continue;
            }

            mask |= 1 << Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return mask;
    }
}
