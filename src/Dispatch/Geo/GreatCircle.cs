namespace IotService.Dispatch.Geo;

/// <summary>Great-circle distance on a spherical Earth (haversine); degrees in, kilometres out.</summary>
public static class GreatCircle
{
    public const double EarthRadiusKm = 6371.0088;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        // Math.Sin/Cos take radians: converting first is the part GPSTracker got wrong.
        var phi1 = ToRadians(lat1);
        var phi2 = ToRadians(lat2);
        var dPhi = ToRadians(lat2 - lat1);
        var dLambda = ToRadians(lon2 - lon1);
        var h = Math.Sin(dPhi / 2) * Math.Sin(dPhi / 2)
              + Math.Cos(phi1) * Math.Cos(phi2) * Math.Sin(dLambda / 2) * Math.Sin(dLambda / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
