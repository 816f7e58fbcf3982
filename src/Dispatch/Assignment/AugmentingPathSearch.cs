namespace IotService.Dispatch.Assignment;

/// <summary>
/// Shortest augmenting paths over reduced costs c_ij − u_i − v_j, which stay non-negative for every row already
/// assigned, so each search is a Dijkstra over columns. Columns 0…m−1 are real; columns m, m+1, … are "unassigned"
/// columns priced <c>penalty</c> for every row. Free unassigned columns keep v = 0 and identical costs, so one
/// representative — the first free one — stands for all of them and the scan covers m + (used + 1) columns.
/// Every row given here has at least one allowed real column, so at most n − 1 unassigned columns are ever used.
/// </summary>
internal sealed class AugmentingPathSearch
{
    private readonly double[] _costs;
    private readonly int _n;
    private readonly int _m;
    private readonly double _penalty;
    private readonly double[] _u;
    private readonly double[] _v;
    private readonly int[] _columnOfRow;
    private readonly int[] _rowOfColumn;
    private readonly double[] _distance;
    private readonly int[] _predecessor;
    private readonly bool[] _settled;
    private readonly List<int> _treeRows = [];
    private readonly List<int> _settledColumns = [];
    private int _usedUnassigned;

    public AugmentingPathSearch(double[] costs, int rows, int columns, double penalty)
    {
        _costs = costs;
        _n = rows;
        _m = columns;
        _penalty = penalty;
        _u = new double[rows];
        _v = new double[columns + rows];
        _columnOfRow = new int[rows];
        _rowOfColumn = new int[columns + rows];
        _distance = new double[columns + rows];
        _predecessor = new int[columns + rows];
        _settled = new bool[columns + rows];
        Array.Fill(_columnOfRow, -1);
        Array.Fill(_rowOfColumn, -1);
    }

    public double RowDual(int row) => _u[row];

    public double ColumnDual(int column) => _v[column];

    /// <summary>The row's real column, or −1 when it ended on an "unassigned" column.</summary>
    public int ColumnOf(int row) => _columnOfRow[row] < _m ? _columnOfRow[row] : -1;

    public void Run()
    {
        GreedyStart();
        for (var row = 0; row < _n; row++)
        {
            if (_columnOfRow[row] < 0)
            {
                Augment(row);
            }
        }
    }

    // u_i = the row minimum with v = 0 is dual-feasible; a row whose cheapest column is still free takes it (tight).
    private void GreedyStart()
    {
        for (var i = 0; i < _n; i++)
        {
            var row = _costs.AsSpan(i * _m, _m);
            var best = -1;
            var bestCost = double.PositiveInfinity;
            for (var j = 0; j < row.Length; j++)
            {
                if (row[j] < bestCost || (row[j] == bestCost && best >= 0 && _rowOfColumn[best] >= 0 && _rowOfColumn[j] < 0))
                {
                    bestCost = row[j];
                    best = j;
                }
            }

            _u[i] = bestCost;
            if (_rowOfColumn[best] < 0)
            {
                _rowOfColumn[best] = i;
                _columnOfRow[i] = best;
            }
        }
    }

    private void Augment(int root)
    {
        var active = _m + _usedUnassigned + 1;
        Array.Fill(_distance, double.PositiveInfinity, 0, active);
        _treeRows.Clear();
        _settledColumns.Clear();

        var reached = 0.0;
        var row = root;
        int sink;
        while (true)
        {
            _treeRows.Add(row);
            var offset = reached - _u[row];
            var lowest = double.PositiveInfinity;
            var next = -1;
            var costs = _costs.AsSpan(row * _m, _m);
            for (var j = 0; j < costs.Length; j++)
            {
                if (_settled[j])
                {
                    continue;
                }

                var d = offset + costs[j] - _v[j];
                if (d < _distance[j])
                {
                    _distance[j] = d;
                    _predecessor[j] = row;
                }

                d = _distance[j];
                if (d < lowest || (d == lowest && _rowOfColumn[j] < 0))
                {
                    lowest = d;
                    next = j;
                }
            }

            for (var j = _m; j < active; j++)
            {
                if (_settled[j])
                {
                    continue;
                }

                var d = offset + _penalty - _v[j];
                if (d < _distance[j])
                {
                    _distance[j] = d;
                    _predecessor[j] = row;
                }

                d = _distance[j];
                if (d < lowest || (d == lowest && _rowOfColumn[j] < 0))
                {
                    lowest = d;
                    next = j;
                }
            }

            if (next < 0)
            {
                throw new InvalidOperationException("No augmenting path: the unassigned column should always be reachable.");
            }

            reached = lowest;
            if (_rowOfColumn[next] < 0)
            {
                sink = next;
                break;
            }

            _settled[next] = true;
            _settledColumns.Add(next);
            row = _rowOfColumn[next];
        }

        // Potentials: keep reduced costs non-negative and tight along the new matching.
        _u[root] += reached;
        for (var k = 1; k < _treeRows.Count; k++)
        {
            var i = _treeRows[k];
            _u[i] += reached - _distance[_columnOfRow[i]];
        }

        foreach (var j in _settledColumns)
        {
            _v[j] -= reached - _distance[j];
            _settled[j] = false;
        }

        var column = sink;
        while (true)
        {
            var i = _predecessor[column];
            _rowOfColumn[column] = i;
            (column, _columnOfRow[i]) = (_columnOfRow[i], column);
            if (i == root)
            {
                break;
            }
        }

        if (sink >= _m)
        {
            _usedUnassigned++;
        }
    }
}
