using IotService.Dispatch.Geo;
using IotService.Dispatch.Orders;
using IotService.Dispatch.Technicians;

namespace IotService.Dispatch.Tests;

/// <summary>Builders for technicians and orders around Munich, placed in km east/north of the city centre.</summary>
internal static class Fleet
{
    public static readonly LatLon Centre = new(48.137, 11.575);

    // 10:00 local time in a UTC+1 hub.
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    public static LatLon At(double eastKm, double northKm)
    {
        var lat = Centre.Lat + northKm / 111.195;
        return new LatLon(lat, Centre.Lon + eastKm / (111.195 * Math.Cos(lat * Math.PI / 180)));
    }

    public static Technician Tech(
        string id, double eastKm, double northKm = 0, string skill = "hvac", int level = 3, ShiftWindow? shift = null,
        bool available = true, int openOrders = 0, int workloadLimit = 5, IReadOnlyDictionary<string, int>? van = null) =>
        new(id, At(eastKm, northKm), new Dictionary<string, int> { [skill] = level }, shift, available, workloadLimit, openOrders, van);

    public static DispatchOrder Order(
        string id = "wo-1", double eastKm = 0, double northKm = 0, string skill = "hvac", int level = 2,
        DateTimeOffset? due = null, IReadOnlyDictionary<string, int>? parts = null, IReadOnlyCollection<string>? excluded = null) =>
        new(id, At(eastKm, northKm), skill, level, due, parts, excluded);
}
