using IotService.Dispatch.Assignment;

namespace IotService.Dispatch.Tests.Assignment;

public sealed class AssignmentSolverTests
{
    private const double X = double.PositiveInfinity;

    [Theory]
    [InlineData(1, false, 0.0)]
    [InlineData(2, false, 0.3)]
    [InlineData(3, false, 0.6)]
    [InlineData(4, true, 0.0)]
    [InlineData(5, true, 0.4)]
    [InlineData(6, true, 0.85)]
    public void EqualsBruteForceOnHundredsOfSmallRandomInstances(int seed, bool integerCosts, double forbiddenShare)
    {
        var random = new Random(seed);
        for (var instance = 0; instance < 150; instance++)
        {
            var rows = random.Next(0, 7);
            var columns = random.Next(0, 8);
            var costs = new double[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                // Some rows are entirely forbidden: no technician can take that order.
                var deadRow = random.NextDouble() < 0.1;
                for (var j = 0; j < columns; j++)
                {
                    costs[i, j] = deadRow || random.NextDouble() < forbiddenShare ? X
                        : integerCosts ? random.Next(-20, 40)
                        : Math.Round(random.NextDouble() * 200 - 60, 3);
                }
            }

            var expected = BruteForceAssignment.Solve(costs);
            var solution = AssignmentSolver.Solve(costs);

            var label = $"seed {seed} instance {instance} ({rows}×{columns})";
            Assert.True(expected.Assigned == solution.AssignedCount, $"{label}: assigned {solution.AssignedCount}, brute force {expected.Assigned}");
            Assert.True(Math.Abs(expected.Cost - solution.TotalCost) < 1e-7, $"{label}: cost {solution.TotalCost}, brute force {expected.Cost}");
            AssertValidAssignment(costs, solution);
            AssertCertificate(costs, solution);
        }
    }

    [Fact]
    public void AssigningMoreOrdersComesBeforeACheaperTotal()
    {
        // Row 0 alone on column 0 costs 1, but then row 1 has nothing; both assigned costs 100 + 50.
        double[,] costs = { { 1, 100 }, { 50, X } };

        var solution = AssignmentSolver.Solve(costs);

        Assert.Equal([1, 0], solution.ColumnOfRow);
        Assert.Equal(2, solution.AssignedCount);
        Assert.Equal(150, solution.TotalCost);
        Assert.Equal(150, solution.LowerBound, 9);
    }

    [Fact]
    public void PicksWhichRowStaysUnassignedByCost()
    {
        // Three rows compete for two columns: the most expensive pairing is the one left out.
        double[,] costs = { { 10, 12 }, { 1, 30 }, { 20, 2 } };

        var solution = AssignmentSolver.Solve(costs);

        Assert.Equal([-1, 0, 1], solution.ColumnOfRow);
        Assert.Equal(3, solution.TotalCost);
        Assert.Equal(3, solution.LowerBound, 9);
        Assert.Equal(solution.UnassignedPenalty, solution.RowDuals[0], 9);
    }

    [Fact]
    public void HandlesNegativeCostsWithoutShifting()
    {
        double[,] costs = { { -30, -5, 4 }, { -28, -29, X } };

        var solution = AssignmentSolver.Solve(costs);

        Assert.Equal([0, 1], solution.ColumnOfRow);
        Assert.Equal(-59, solution.TotalCost);
        Assert.Equal(-59, solution.LowerBound, 9);
    }

    [Fact]
    public void RowsWithNoAllowedColumnAreLeftUnassigned()
    {
        double[,] costs = { { X, X }, { 3, X }, { X, X } };

        var solution = AssignmentSolver.Solve(costs);

        Assert.Equal([-1, 0, -1], solution.ColumnOfRow);
        Assert.Equal(1, solution.AssignedCount);
        Assert.Equal(3, solution.TotalCost);
    }

    [Fact]
    public void EmptyAndFullyForbiddenMatricesAssignNothing()
    {
        Assert.Equal(0, AssignmentSolver.Solve(new double[0, 5]).AssignedCount);
        var noColumns = AssignmentSolver.Solve(new double[3, 0]);
        Assert.Equal([-1, -1, -1], noColumns.ColumnOfRow);
        var forbidden = AssignmentSolver.Solve(new double[,] { { X, X }, { X, X } });
        Assert.Equal(0, forbidden.AssignedCount);
        Assert.Equal(0, forbidden.TotalCost);
        Assert.Equal(0, forbidden.LowerBound);
    }

    [Fact]
    public void RejectsNaNAndNegativeInfinity()
    {
        Assert.Throws<ArgumentException>(() => AssignmentSolver.Solve(new double[,] { { 1, double.NaN } }));
        Assert.Throws<ArgumentException>(() => AssignmentSolver.Solve(new double[,] { { double.NegativeInfinity } }));
        Assert.Throws<ArgumentException>(() => AssignmentSolver.Solve(new double[3], 2, 2));
    }

    [Fact]
    public void LargeRandomInstanceHasAMatchingCertificate()
    {
        var random = new Random(42);
        const int rows = 120, columns = 200;
        var costs = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                costs[i, j] = random.NextDouble() < 0.7 ? X : random.NextDouble() * 300 - 30;
            }
        }

        var solution = AssignmentSolver.Solve(costs);

        AssertValidAssignment(costs, solution);
        AssertCertificate(costs, solution);
        Assert.Equal(solution.TotalCost, solution.LowerBound, 6);
    }

    private static void AssertValidAssignment(double[,] costs, AssignmentSolution solution)
    {
        var taken = new HashSet<int>();
        var total = 0.0;
        for (var i = 0; i < solution.ColumnOfRow.Count; i++)
        {
            var j = solution.ColumnOfRow[i];
            if (j >= 0)
            {
                Assert.True(taken.Add(j), $"column {j} assigned twice");
                Assert.False(double.IsPositiveInfinity(costs[i, j]), $"forbidden pair ({i}, {j}) assigned");
                total += costs[i, j];
            }
        }

        Assert.Equal(taken.Count, solution.AssignedCount);
        Assert.Equal(total, solution.TotalCost, 9);
    }

    // The dual solution proves optimality: feasible, tight on the assignment, zero slack where the bound needs it.
    private static void AssertCertificate(double[,] costs, AssignmentSolution solution)
    {
        var tolerance = 1e-9 * Math.Max(1, solution.UnassignedPenalty);
        var u = solution.RowDuals;
        var v = solution.ColumnDuals;
        var assignedColumns = new HashSet<int>(solution.ColumnOfRow.Where(j => j >= 0));
        for (var j = 0; j < v.Count; j++)
        {
            Assert.True(v[j] <= tolerance, $"column dual {v[j]} > 0");
            if (!assignedColumns.Contains(j))
            {
                Assert.True(Math.Abs(v[j]) <= tolerance, $"unassigned column {j} has dual {v[j]}");
            }
        }

        for (var i = 0; i < u.Count; i++)
        {
            Assert.True(u[i] <= solution.UnassignedPenalty + tolerance, $"row dual {u[i]} above the penalty");
            if (solution.ColumnOfRow[i] < 0)
            {
                Assert.True(Math.Abs(u[i] - solution.UnassignedPenalty) <= tolerance, $"unassigned row {i} has dual {u[i]}");
            }

            for (var j = 0; j < v.Count; j++)
            {
                if (!double.IsPositiveInfinity(costs[i, j]))
                {
                    Assert.True(u[i] + v[j] <= costs[i, j] + tolerance, $"reduced cost of ({i}, {j}) is negative");
                }
            }

            if (solution.ColumnOfRow[i] is var assigned and >= 0)
            {
                Assert.True(Math.Abs(u[i] + v[assigned] - costs[i, assigned]) <= tolerance, $"assigned pair ({i}, {assigned}) not tight");
            }
        }

        Assert.True(Math.Abs(solution.LowerBound - solution.TotalCost) <= tolerance, $"lower bound {solution.LowerBound} ≠ total {solution.TotalCost}");
    }
}
