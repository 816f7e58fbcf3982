using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IotService.Dashboard.Map;
using IotService.Integration.Tests.Infrastructure;

namespace IotService.Integration.Tests.Map;

/// <summary>
/// A one-degree square of the map no other test uses, so a viewport on it sees only the test's own devices.
/// <see cref="West"/>/<see cref="South"/> are its corner; <see cref="At"/> places a point inside it.
/// </summary>
public sealed record MapArea(double West, double South)
{
    private static int _next;

    public double East => West + 1;

    public double North => South + 1;

    public static MapArea Next()
    {
        var n = Interlocked.Increment(ref _next);
        return new MapArea(-170 + (n % 12 * 25), -60 + (n / 12 * 7));
    }

    /// <summary>A point <paramref name="dx"/>, <paramref name="dy"/> (0–1) across the square.</summary>
    public (double Lat, double Lon) At(double dx, double dy) => (Math.Round(South + dy, 4), Math.Round(West + dx, 4));

    /// <summary>The square as a <c>JoinViewport</c> argument.</summary>
    public object Viewport(double zoom = 9, string[]? severity = null)
        => new { west = West, south = South, east = East, north = North, zoom, severity };

    /// <summary>
    /// Registers a chiller at <paramref name="dx"/>, <paramref name="dy"/> in the square and waits until the live map has
    /// it (its registration delta is applied in the next window); answers its secret.
    /// </summary>
    public async Task<string> RegisterAsync(HubHost hub, string id, double dx = 0.5, double dy = 0.5, string? customerId = null)
    {
        var (lat, lon) = At(dx, dy);
        var response = await hub.Admin.PostAsJsonAsync("/api/devices", new { id, modelId = "chiller-x", customerId, location = new { lat, lon } });
        await HubApi.EnsureAsync(response, HttpStatusCode.Created);
        await Eventually.GetAsync(() => Task.FromResult(hub.Get<LiveMap>().Find(id)), d => d is not null, what: $"{id} on the live map");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
    }
}
