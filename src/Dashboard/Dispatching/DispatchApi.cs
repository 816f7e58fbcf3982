using IotService.Contracts.Technicians;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Technicians;
using IotService.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.Dispatching;

/// <summary>The dispatch receipt of a work order, and stateless what-if planning with the same solver and cost model.</summary>
public static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/work-orders/{id}/dispatch", ReceiptAsync).WithTags("Work orders").RequireAuthorization(Policies.Staff);
        app.MapPost("/api/dispatch/solve", Solve).WithTags("Dispatch").RequireAuthorization(Policies.Staff);
        return app;
    }

    public static IHostApplicationBuilder AddDispatching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DispatchRound>();
        builder.Services.AddHostedService<DispatchService>();
        return builder;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiptAsync(string id, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IWorkOrderGrain>(id);
        if (await grain.GetAsync() is null)
        {
            return ApiProblems.NotFound("work order", id);
        }

        return await grain.GetDispatchReceiptAsync() is { } json
            ? TypedResults.Text(json, "application/json")
            : ApiProblems.NotFound("dispatch decision for work order", id);
    }

    private static Ok<SolveResponse> Solve(SolveRequest request, IOptions<DispatchOptions> options, TimeProvider time)
    {
        if (request.Technicians is null || request.Orders is null)
        {
            throw RequestValidationException.For("body", "technicians and orders are required");
        }

        var errors = new ValidationErrors();
        for (var i = 0; i < request.Technicians.Count; i++)
        {
            var t = request.Technicians[i];
            TechnicianChecks.Check(errors, $"technicians[{i}]", t.Skills, t.Location, t.Shift, t.VanStock, t.WorkloadLimit);
            errors.Require(t.Location is not null, $"technicians[{i}].location", "required");
        }

        errors.ThrowIfAny();
        var technicians = request.Technicians.Select(t => DispatchMapping.Technician(
            new TechnicianDefinition(t.Id, t.Id, t.Skills ?? [], t.Location, t.Shift, t.VanStock, Available: t.Available, WorkloadLimit: t.WorkloadLimit),
            t.OpenOrders));
        var settings = options.Value.Costs() with
        {
            SpeedKmh = request.SpeedKmh ?? options.Value.SpeedKmh,
            RoadFactor = request.RoadFactor ?? options.Value.RoadFactor,
        };
        JointDispatchResult result;
        try
        {
            settings.Validate();
            result = TechnicianPool.Create(technicians).Solve(request.Orders, options.Value.LocalNow(time), settings);
        }
        catch (ArgumentException invalid)
        {
            // The dispatch library checks its input and says what is wrong in the plan's own terms.
            var message = invalid.Message.Split(" (Parameter", 2)[0].Split(Environment.NewLine, 2)[0];
            throw RequestValidationException.For(invalid.ParamName is { } name ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name) : "body", message);
        }

        return TypedResults.Ok(new SolveResponse(
            result.Assignments.Select(a => new SolveAssignment(a.OrderId, a.TechnicianId, Math.Round(a.Cost, 3))).ToList(),
            result.UnassignedOrderIds,
            Math.Round(result.TotalCost, 3),
            Math.Round(result.LowerBound, 3)));
    }
}

/// <summary>Answer of <c>POST /api/dispatch/solve</c>: costs in minutes; <c>lowerBound</c> (the dual) equals <c>totalCost</c> at the optimum.</summary>
public sealed record SolveResponse(IReadOnlyList<SolveAssignment> Assignments, IReadOnlyList<string> Unassigned, double TotalCost, double LowerBound);

public sealed record SolveAssignment(string OrderId, string TechnicianId, double Cost);
