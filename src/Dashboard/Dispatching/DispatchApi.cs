using IotService.Contracts.Dispatching;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Dispatching;

/// <summary>
/// The dispatch receipt of a work order, and stateless what-if planning. Both are answered by grains: the round grain
/// stored the receipt, the planner grain solves the plan; the web host only maps them to HTTP.
/// </summary>
public static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/work-orders/{id}/dispatch", ReceiptAsync).WithTags("Work orders").RequireAuthorization(Policies.Staff);
        app.MapPost("/api/dispatch/solve", SolveAsync).WithTags("Dispatch").RequireAuthorization(Policies.Staff);
        return app;
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

    private static async Task<Ok<SolveResponse>> SolveAsync(SolveRequest request, IGrainFactory grains)
    {
        var result = await grains.DispatchPlanner().SolveAsync(request);
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value));
        }

        return TypedResults.Ok(result.Plan!);
    }
}
