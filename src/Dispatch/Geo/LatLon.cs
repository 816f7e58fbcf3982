using System.Text.Json.Serialization;

namespace IotService.Dispatch.Geo;

/// <summary>A WGS-84 position in decimal degrees (JSON <c>{"lat":…,"lon":…}</c>).</summary>
public readonly record struct LatLon(double Lat, double Lon)
{
    [JsonIgnore]
    public bool IsValid => Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180;

    public double DistanceKmTo(LatLon other) => GreatCircle.DistanceKm(Lat, Lon, other.Lat, other.Lon);
}
