using IotService.Contracts.Common;

namespace IotService.Dashboard.Demo;

/// <summary>Small displacements on the sphere, accurate to metres over the few kilometres the demo needs.</summary>
public static class GeoMath
{
    private const double KmPerDegreeLat = 111.32;

    public static GeoPoint Offset(GeoPoint from, double eastKm, double northKm)
    {
        // A degree of longitude shrinks with the cosine of the latitude (in radians).
        var kmPerDegreeLon = KmPerDegreeLat * Math.Cos(from.Lat * Math.PI / 180);
        return new GeoPoint(from.Lat + (northKm / KmPerDegreeLat), from.Lon + (eastKm / kmPerDegreeLon));
    }
}
