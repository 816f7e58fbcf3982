using IotService.Contracts.Common;

namespace IotService.Dashboard.Demo;

/// <summary>A city the demo fleet stands in; the offset (standard time, no daylight saving) drives daily cycles.</summary>
/// <param name="ShoreToEast">Open water begins just east of the centre: devices are placed west of it only.</param>
public sealed record DemoCity(string Name, double Lat, double Lon, double UtcOffsetHours, bool ShoreToEast = false)
{
    public GeoPoint Centre => new(Lat, Lon);

    public TimeSpan UtcOffset => TimeSpan.FromHours(UtcOffsetHours);
}
