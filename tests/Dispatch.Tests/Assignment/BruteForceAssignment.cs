namespace IotService.Dispatch.Tests.Assignment;

/// <summary>Tries every partial assignment: the most assigned rows first, then the least total cost.</summary>
internal static class BruteForceAssignment
{
    public static (int Assigned, double Cost) Solve(double[,] costs)
    {
        var rows = costs.GetLength(0);
        var used = new bool[costs.GetLength(1)];
        var best = (Assigned: 0, Cost: 0.0);
        Visit(0, 0, 0.0);
        return best;

        void Visit(int row, int assigned, double cost)
        {
            if (row == rows)
            {
                if (assigned > best.Assigned || (assigned == best.Assigned && cost < best.Cost))
                {
                    best = (assigned, cost);
                }

                return;
            }

            Visit(row + 1, assigned, cost);
            for (var j = 0; j < used.Length; j++)
            {
                if (!used[j] && !double.IsPositiveInfinity(costs[row, j]))
                {
                    used[j] = true;
                    Visit(row + 1, assigned + 1, cost + costs[row, j]);
                    used[j] = false;
                }
            }
        }
    }
}
