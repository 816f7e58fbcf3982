namespace IotService.Dashboard.Map;

/// <summary>
/// The grid clusters are counted on: cells of 360 / 2^zoom / 4 degrees, about 64 screen pixels at that zoom (a 256-pixel
/// tile spans 360 / 2^zoom degrees of longitude). Cells start at 180° W / 90° S, so none straddles the antimeridian.
/// </summary>
public readonly record struct ClusterGrid(double CellDegrees)
{
    public static ClusterGrid ForZoom(double zoom) => new(360 / Math.Pow(2, zoom) / 4);

    public long CellOf(double lat, double lon)
    {
        var columns = (long)Math.Ceiling(360 / CellDegrees);
        var rows = (long)Math.Ceiling(180 / CellDegrees);
        var x = Math.Clamp((long)Math.Floor((lon + 180) / CellDegrees), 0, columns - 1);
        var y = Math.Clamp((long)Math.Floor((lat + 90) / CellDegrees), 0, rows - 1);
        return (y * columns) + x;
    }
}
