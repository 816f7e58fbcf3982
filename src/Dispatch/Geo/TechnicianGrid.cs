namespace IotService.Dispatch.Geo;

/// <summary>
/// A uniform latitude/longitude grid over a set of points (cells roughly square in km, a few points each), stored as
/// one array of point indices sorted by cell. A search walks square rings of cells outward from the query point;
/// <see cref="GridSearch.UnexaminedLowerBoundKm"/> bounds the distance to every point not yet visited.
/// </summary>
internal sealed class TechnicianGrid
{
    private const double KmPerDegree = GreatCircle.EarthRadiusKm * Math.PI / 180.0;
    private const int MaxCellsPerSide = 4096;

    private readonly int[] _cellStart;
    private readonly int[] _members;

    private TechnicianGrid(
        double lat0, double lon0, double latTop, double lonRight, double cellLat, double cellLon, int rows, int columns,
        int[] cellStart, int[] members)
    {
        Lat0 = lat0;
        Lon0 = lon0;
        LatTop = latTop;
        LonRight = lonRight;
        CellLat = cellLat;
        CellLon = cellLon;
        Rows = rows;
        Columns = columns;
        _cellStart = cellStart;
        _members = members;
    }

    public double Lat0 { get; }

    public double Lon0 { get; }

    public double LatTop { get; }

    public double LonRight { get; }

    public double CellLat { get; }

    public double CellLon { get; }

    public int Rows { get; }

    public int Columns { get; }

    public static TechnicianGrid Build(IReadOnlyList<LatLon> points, double pointsPerCell = 3)
    {
        if (points.Count == 0)
        {
            return new TechnicianGrid(0, 0, 0, 0, 1, 1, 1, 1, [0, 0], []);
        }

        double latMin = double.MaxValue, latMax = double.MinValue, lonMin = double.MaxValue, lonMax = double.MinValue;
        foreach (var p in points)
        {
            latMin = Math.Min(latMin, p.Lat);
            latMax = Math.Max(latMax, p.Lat);
            lonMin = Math.Min(lonMin, p.Lon);
            lonMax = Math.Max(lonMax, p.Lon);
        }

        // Square cells in km at the middle latitude; the cell count tracks the point count, capped per side and in total.
        var cos = Math.Max(0.05, Math.Cos(GreatCircle.ToRadians((latMin + latMax) / 2)));
        var heightKm = (latMax - latMin) * KmPerDegree;
        var widthKm = (lonMax - lonMin) * KmPerDegree * cos;
        var targetCells = Math.Max(1.0, points.Count / pointsPerCell);
        var cellKm = Math.Max(Math.Sqrt(heightKm * widthKm / targetCells), Math.Max(heightKm, widthKm) / targetCells);
        cellKm = Math.Max(cellKm, 0.01);
        int rows, columns;
        double cellLat, cellLon;
        while (true)
        {
            cellLat = cellKm / KmPerDegree;
            cellLon = Math.Min(360, cellLat / cos);
            rows = (int)Math.Min(MaxCellsPerSide, Math.Floor((latMax - latMin) / cellLat) + 1);
            columns = (int)Math.Min(MaxCellsPerSide, Math.Floor((lonMax - lonMin) / cellLon) + 1);
            if (rows < MaxCellsPerSide && columns < MaxCellsPerSide && (double)rows * columns <= 4 * targetCells + 64)
            {
                break;
            }

            cellKm *= 1.5;
        }

        var grid = new TechnicianGrid(latMin, lonMin, latMax, lonMax, cellLat, cellLon, rows, columns, new int[rows * columns + 1], new int[points.Count]);
        grid.Fill(points);
        return grid;
    }

    public int RowOf(double lat) => Math.Clamp((int)Math.Floor((lat - Lat0) / CellLat), 0, Rows - 1);

    public int ColumnOf(double lon) => Math.Clamp((int)Math.Floor((lon - Lon0) / CellLon), 0, Columns - 1);

    public ReadOnlySpan<int> Cell(int row, int column)
    {
        var cell = row * Columns + column;
        return _members.AsSpan(_cellStart[cell], _cellStart[cell + 1] - _cellStart[cell]);
    }

    public GridSearch Search(LatLon origin) => new(this, origin);

    private void Fill(IReadOnlyList<LatLon> points)
    {
        // Counting sort by cell: counts, prefix sums, then placement.
        var cells = new int[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            cells[i] = RowOf(points[i].Lat) * Columns + ColumnOf(points[i].Lon);
            _cellStart[cells[i] + 1]++;
        }

        for (var c = 0; c < Rows * Columns; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }

        var next = _cellStart[..^1];
        for (var i = 0; i < points.Count; i++)
        {
            _members[next[cells[i]]++] = i;
        }
    }
}
