using System.Text.Json;
using IotService.Contracts.Dispatching;
using IotService.Dispatch;
using IotService.Grains.Technicians;

namespace IotService.Grains.Dispatching;

/// <summary>
/// What-if planning (SPEC §5 <c>POST /api/dispatch/solve</c>): the request's technicians and orders solved jointly with
/// the configured cost model, whose speed and road factor the request may override. Bad input is answered with field
/// errors, never thrown, so they reach the caller as the route's 400.
/// </summary>
public static class DispatchPlanner
{
    /// <param name="localNow">Now in the hub's shift time zone (<see cref="DispatchOptions.LocalNow"/>).</param>
    public static SolveResult Solve(SolveRequest request, DispatchOptions options, DateTimeOffset localNow)
    {
        if (request.Technicians is null || request.Orders is null)
        {
            return Invalid([new("body", "technicians and orders are required")]);
        }

        var problems = Problems(request).ToList();
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        var settings = options.Costs() with
        {
            SpeedKmh = request.SpeedKmh ?? options.SpeedKmh,
            RoadFactor = request.RoadFactor ?? options.RoadFactor,
        };
        JointDispatchResult result;
        try
        {
            settings.Validate();
            result = TechnicianPool.Create(request.Technicians.Select(DispatchMapping.Technician))
                .Solve([.. request.Orders.Select(DispatchMapping.Order)], localNow, settings);
        }
        catch (ArgumentException invalid)
        {
            // The dispatch library checks its input and says what is wrong in the plan's own terms.
            var message = invalid.Message.Split(" (Parameter", 2)[0].Split(Environment.NewLine, 2)[0];
            return Invalid([new(invalid.ParamName is { } name ? JsonNamingPolicy.CamelCase.ConvertName(name) : "body", message)]);
        }

        return new SolveResult(new SolveResponse(
            [.. result.Assignments.Select(a => new SolveAssignment(a.OrderId, a.TechnicianId, Math.Round(a.Cost, 3)))],
            result.UnassignedOrderIds,
            Math.Round(result.TotalCost, 3),
            Math.Round(result.LowerBound, 3)));
    }

    private static IEnumerable<KeyValuePair<string, string>> Problems(SolveRequest request)
    {
        for (var i = 0; i < request.Technicians.Count; i++)
        {
            var at = $"technicians[{i}]";
            if (request.Technicians[i] is not { } t)
            {
                yield return new(at, "may not be null");
                continue;
            }

            foreach (var problem in TechnicianChecks.Problems(at, t.Skills, t.Location, t.Shift, t.VanStock, t.WorkloadLimit))
            {
                yield return problem;
            }

            if (t.Location is null)
            {
                yield return new($"{at}.location", "required");
            }
        }

        for (var i = 0; i < request.Orders.Count; i++)
        {
            if (request.Orders[i] is null)
            {
                yield return new($"orders[{i}]", "may not be null");
            }
        }
    }

    private static SolveResult Invalid(IEnumerable<KeyValuePair<string, string>> problems) => new(
        null,
        problems.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToArray(), StringComparer.Ordinal));
}
