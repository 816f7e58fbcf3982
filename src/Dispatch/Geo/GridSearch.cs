namespace IotService.Dispatch.Geo;

/// <summary>
/// Ring-by-ring walk over a <see cref="TechnicianGrid"/> from an origin: ring k is the square of cells at Chebyshev
/// distance k from the origin's cell (clipped to the grid). After rings 0…k, every unvisited point lies in a row
/// outside the visited rows or a column outside the visited columns, which bounds its great-circle distance below.
/// </summary>
internal struct GridSearch
{
    private const double KmPerDegree = GreatCircle.EarthRadiusKm * Math.PI / 180.0;

    // Absorbs floating-point error in the cell arithmetic and the haversine formula, so the bound never overshoots.
    private const double SafetyKm = 0.001;

    private readonly TechnicianGrid _grid;
    private readonly LatLon _origin;
    private readonly int _row;
    private readonly int _column;

    public GridSearch(TechnicianGrid grid, LatLon origin)
    {
        _grid = grid;
        _origin = origin;
        _row = grid.RowOf(origin.Lat);
        _column = grid.ColumnOf(origin.Lon);
        Ring = 0;
    }

    /// <summary>The ring the next <see cref="AddRing"/> call visits.</summary>
    public int Ring { get; private set; }

    private readonly int Top => Math.Max(0, _row - Ring);

    private readonly int Bottom => Math.Min(_grid.Rows - 1, _row + Ring);

    private readonly int Left => Math.Max(0, _column - Ring);

    private readonly int Right => Math.Min(_grid.Columns - 1, _column + Ring);

    /// <summary>True once the visited rings cover the whole grid.</summary>
    public readonly bool Complete =>
        _row - (Ring - 1) <= 0 && _row + (Ring - 1) >= _grid.Rows - 1
        && _column - (Ring - 1) <= 0 && _column + (Ring - 1) >= _grid.Columns - 1;

    /// <summary>Appends the points of the current ring to <paramref name="into"/> and moves to the next ring.</summary>
    public void AddRing(List<int> into)
    {
        var k = Ring;
        if (k == 0)
        {
            into.AddRange(_grid.Cell(_row, _column));
        }
        else
        {
            var (left, right) = (Left, Right);
            if (_row - k >= 0)
            {
                AddRow(into, _row - k, left, right);
            }

            if (_row + k < _grid.Rows)
            {
                AddRow(into, _row + k, left, right);
            }

            var (top, bottom) = (Math.Max(0, _row - k + 1), Math.Min(_grid.Rows - 1, _row + k - 1));
            for (var r = top; r <= bottom; r++)
            {
                if (_column - k >= 0)
                {
                    into.AddRange(_grid.Cell(r, _column - k));
                }

                if (_column + k < _grid.Columns)
                {
                    into.AddRange(_grid.Cell(r, _column + k));
                }
            }
        }

        Ring = k + 1;
    }

    /// <summary>A lower bound on the distance (km) from the origin to every point not visited yet (+∞ when none is left).</summary>
    public readonly double UnexaminedLowerBoundKm()
    {
        // Visited block after rings 0…Ring−1.
        var k = Ring - 1;
        var top = Math.Max(0, _row - k);
        var bottom = Math.Min(_grid.Rows - 1, _row + k);
        var left = Math.Max(0, _column - k);
        var right = Math.Min(_grid.Columns - 1, _column + k);

        var latGap = double.PositiveInfinity;
        if (top > 0)
        {
            latGap = Math.Min(latGap, Gap(_origin.Lat, _grid.Lat0, _grid.Lat0 + top * _grid.CellLat));
        }

        if (bottom < _grid.Rows - 1)
        {
            latGap = Math.Min(latGap, Gap(_origin.Lat, _grid.Lat0 + (bottom + 1) * _grid.CellLat, _grid.LatTop));
        }

        var lonGap = double.PositiveInfinity;
        if (left > 0)
        {
            lonGap = Math.Min(lonGap, WrappedGap(_origin.Lon, _grid.Lon0, _grid.Lon0 + left * _grid.CellLon));
        }

        if (right < _grid.Columns - 1)
        {
            lonGap = Math.Min(lonGap, WrappedGap(_origin.Lon, _grid.Lon0 + (right + 1) * _grid.CellLon, _grid.LonRight));
        }

        // Points whose latitudes differ by Δφ are at least R·Δφ apart; a point whose longitude differs by at least
        // Δλ ≤ 90° lies beyond the meridian plane at Δλ, at least R·asin(cos φ · sin Δλ) away.
        var km = double.PositiveInfinity;
        if (!double.IsPositiveInfinity(latGap))
        {
            km = latGap * KmPerDegree;
        }

        if (!double.IsPositiveInfinity(lonGap))
        {
            var sin = Math.Sin(GreatCircle.ToRadians(Math.Min(lonGap, 90)));
            var cos = Math.Max(0, Math.Cos(GreatCircle.ToRadians(_origin.Lat)));
            km = Math.Min(km, GreatCircle.EarthRadiusKm * Math.Asin(Math.Min(1, cos * sin)));
        }

        return double.IsPositiveInfinity(km) ? km : Math.Max(0, km * (1 - 1e-9) - SafetyKm);
    }

    private readonly void AddRow(List<int> into, int row, int left, int right)
    {
        for (var c = left; c <= right; c++)
        {
            into.AddRange(_grid.Cell(row, c));
        }
    }

    private static double Gap(double x, double low, double high) => Math.Max(0, Math.Max(low - x, x - high));

    // Longitudes wrap: the gap from x to the arc [low, high] is 0 inside it, else the shorter way round to an end.
    private static double WrappedGap(double x, double low, double high)
    {
        if (x >= low && x <= high)
        {
            return 0;
        }

        return Math.Min(AroundCircle(x - low), AroundCircle(x - high));
    }

    private static double AroundCircle(double degrees)
    {
        var d = Math.Abs(degrees) % 360;
        return Math.Min(d, 360 - d);
    }
}
