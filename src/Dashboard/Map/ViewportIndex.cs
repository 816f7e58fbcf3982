namespace IotService.Dashboard.Map;

/// <summary>
/// Which connections' viewports may contain a point, so a device's change is offered only to those rather than to every
/// connection. Viewports register in the five-degree cells they overlap; one that overlaps more than
/// <see cref="MaxCells"/> (about a continent) goes on a wide list that every change is offered to — such a view holds a
/// large share of all devices anyway. Not thread-safe: <see cref="LiveMap"/> serialises access.
/// </summary>
public sealed class ViewportIndex
{
    public const int MaxCells = 128;
    private const double CellDegrees = 5;
    private const int Columns = 72;
    private const int Rows = 36;

    private readonly Dictionary<int, List<MapSubscriber>> _cells = [];
    private readonly List<MapSubscriber> _wide = [];

    public void Add(MapSubscriber subscriber, GeoBounds bounds)
    {
        Remove(subscriber);
        var cells = Cells(bounds);
        if (cells is null)
        {
            _wide.Add(subscriber);
            subscriber.IndexWide = true;
            return;
        }

        foreach (var cell in cells)
        {
            if (!_cells.TryGetValue(cell, out var subscribers))
            {
                _cells[cell] = subscribers = [];
            }

            subscribers.Add(subscriber);
        }

        subscriber.IndexCells = cells;
    }

    public void Remove(MapSubscriber subscriber)
    {
        if (subscriber.IndexWide)
        {
            _wide.Remove(subscriber);
            subscriber.IndexWide = false;
        }

        foreach (var cell in subscriber.IndexCells ?? [])
        {
            if (_cells.TryGetValue(cell, out var subscribers))
            {
                subscribers.Remove(subscriber);
                if (subscribers.Count == 0)
                {
                    _cells.Remove(cell);
                }
            }
        }

        subscriber.IndexCells = null;
    }

    /// <summary>
    /// Adds to <paramref name="into"/> the connections whose view may hold the device before or after its change and that
    /// <paramref name="visit"/> has not reached yet. A device without a position is in no view.
    /// </summary>
    public void Collect(in DeviceFacts? before, in DeviceFacts after, long visit, List<MapSubscriber> into)
    {
        var from = before is { HasLocation: true } b ? CellOf(b.Lat, b.Lon) : -1;
        var to = after.HasLocation ? CellOf(after.Lat, after.Lon) : -1;
        if (from < 0 && to < 0)
        {
            return;
        }

        foreach (var subscriber in _wide)
        {
            Offer(subscriber, visit, into);
        }

        CollectCell(from, visit, into);
        if (to != from)
        {
            CollectCell(to, visit, into);
        }
    }

    public static void Offer(MapSubscriber subscriber, long visit, List<MapSubscriber> into)
    {
        if (subscriber.LastVisit != visit)
        {
            subscriber.LastVisit = visit;
            into.Add(subscriber);
        }
    }

    private void CollectCell(int cell, long visit, List<MapSubscriber> into)
    {
        if (cell >= 0 && _cells.TryGetValue(cell, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                Offer(subscriber, visit, into);
            }
        }
    }

    private static int CellOf(double lat, double lon) => (Row(lat) * Columns) + Column(lon);

    private static int Row(double lat) => Math.Clamp((int)Math.Floor((lat + 90) / CellDegrees), 0, Rows - 1);

    private static int Column(double lon) => Math.Clamp((int)Math.Floor((lon + 180) / CellDegrees), 0, Columns - 1);

    /// <returns>The cells <paramref name="bounds"/> overlaps, or null when they are more than <see cref="MaxCells"/>.</returns>
    private static List<int>? Cells(GeoBounds bounds)
    {
        var rows = Row(bounds.North) - Row(bounds.South) + 1;
        var spans = bounds.LonSpans;
        var count = spans.Sum(span => rows * (Column(span.East) - Column(span.West) + 1));
        if (count > MaxCells)
        {
            return null;
        }

        var cells = new List<int>(count);
        foreach (var (west, east) in spans)
        {
            for (var row = Row(bounds.South); row <= Row(bounds.North); row++)
            {
                for (var column = Column(west); column <= Column(east); column++)
                {
                    cells.Add((row * Columns) + column);
                }
            }
        }

        return cells;
    }
}
