namespace IotService.Dashboard.Map;

/// <summary>
/// A rectangle of the map in degrees. <see cref="West"/> greater than <see cref="East"/> means the view crosses the
/// antimeridian (it holds longitudes from West to 180 and from -180 to East).
/// </summary>
public readonly record struct GeoBounds(double West, double South, double East, double North)
{
    public static readonly GeoBounds World = new(-180, -90, 180, 90);

    public bool CrossesAntimeridian => West > East;

    public bool Contains(double lat, double lon)
        => lat >= South && lat <= North && (CrossesAntimeridian ? lon >= West || lon <= East : lon >= West && lon <= East);

    /// <summary>The longitude spans the rectangle covers, west to east: one, or two when it crosses the antimeridian.</summary>
    public IReadOnlyList<(double West, double East)> LonSpans
        => CrossesAntimeridian ? [(West, 180), (-180, East)] : [(West, East)];
}
