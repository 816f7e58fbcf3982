namespace IotService.Dispatch.Assignment;

/// <summary>
/// Exact rectangular minimum-cost assignment with forbidden pairs: each row gets at most one column and each column
/// at most one row; as many rows as possible are assigned, and among those assignments the total cost is minimal.
/// Costs may be negative; <see cref="double.PositiveInfinity"/> marks a forbidden pair; NaN and −∞ are rejected.
/// </summary>
/// <remarks>
/// Shortest augmenting paths with dual potentials (the augmentation phase of Jonker–Volgenant, a Dijkstra search
/// per row over reduced costs), after a greedy row-minimum start. Every row also has a private way out — an
/// "unassigned" column priced λ, more than any difference in real cost between assignments — so that maximising the
/// number of assigned rows comes first. O(n² m) worst case for n rows and m columns.
/// </remarks>
public static class AssignmentSolver
{
    /// <summary>Solves a row-major <paramref name="rows"/> × <paramref name="columns"/> cost matrix.</summary>
    public static AssignmentSolution Solve(ReadOnlySpan<double> costs, int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (costs.Length != (long)rows * columns)
        {
            throw new ArgumentException($"Expected {rows} × {columns} costs, got {costs.Length}.", nameof(costs));
        }

        // Rows without any allowed column are unassigned whatever happens; leaving them out guarantees a free
        // "unassigned" column in the search and keeps the matrix small.
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        var live = new List<int>(rows);
        for (var i = 0; i < rows; i++)
        {
            var any = false;
            foreach (var c in costs.Slice(i * columns, columns))
            {
                if (double.IsNaN(c) || double.IsNegativeInfinity(c))
                {
                    throw new ArgumentException($"Cost in row {i} is {c}; use +∞ for a forbidden pair.", nameof(costs));
                }

                if (c != double.PositiveInfinity)
                {
                    any = true;
                    min = Math.Min(min, c);
                    max = Math.Max(max, c);
                }
            }

            if (any)
            {
                live.Add(i);
            }
        }

        var penalty = live.Count == 0 ? 1.0 : UnassignedPenaltyFor(min, max, Math.Min(live.Count, columns));
        var rowDuals = new double[rows];
        Array.Fill(rowDuals, penalty);
        var columnOfRow = new int[rows];
        Array.Fill(columnOfRow, -1);
        if (live.Count == 0)
        {
            return new AssignmentSolution(columnOfRow, 0, 0, 0, rowDuals, new double[columns], penalty);
        }

        var matrix = new double[live.Count * columns];
        for (var k = 0; k < live.Count; k++)
        {
            costs.Slice(live[k] * columns, columns).CopyTo(matrix.AsSpan(k * columns, columns));
        }

        var search = new AugmentingPathSearch(matrix, live.Count, columns, penalty);
        search.Run();

        var assigned = 0;
        var total = 0.0;
        var lowerBound = 0.0;
        for (var k = 0; k < live.Count; k++)
        {
            var row = live[k];
            rowDuals[row] = search.RowDual(k);
            var column = search.ColumnOf(k);
            if (column >= 0)
            {
                columnOfRow[row] = column;
                assigned++;
                total += matrix[k * columns + column];
                lowerBound += rowDuals[row];
            }
        }

        var columnDuals = new double[columns];
        for (var j = 0; j < columns; j++)
        {
            columnDuals[j] = search.ColumnDual(j);
            lowerBound += columnDuals[j];
        }

        return new AssignmentSolution(columnOfRow, assigned, total, lowerBound, rowDuals, columnDuals, penalty);
    }

    /// <summary>Solves a rectangular cost matrix (rows × columns).</summary>
    public static AssignmentSolution Solve(double[,] costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var rows = costs.GetLength(0);
        var columns = costs.GetLength(1);
        var flat = new double[rows * columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                flat[i * columns + j] = costs[i, j];
            }
        }

        return Solve(flat, rows, columns);
    }

    // One more assigned row must outweigh any change in real cost: with at most `pairs` assigned pairs, two
    // assignments differ by at most pairs × (max − min) + |max|, so λ above that makes cardinality come first.
    private static double UnassignedPenaltyFor(double min, double max, int pairs) =>
        (pairs + 1) * (max - min + 1) + Math.Abs(max) + Math.Abs(min);
}
