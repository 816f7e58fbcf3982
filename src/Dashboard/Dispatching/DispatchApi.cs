using IotService.Contracts.Dispatching;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Dispatch.Receipts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Dispatching;

/// <summary>
/// The dispatch receipt of a work order, the price of overriding it, and stateless what-if planning. All are answered by
/// grains: the round grain stored the receipt, the planner grain prices and solves; the web host only maps them to HTTP.
/// </summary>
public static class DispatchApi
{
    public static IEndpointRouteBuilder MapDispatchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/work-orders/{id}/dispatch", ReceiptAsync).WithTags("Work orders").RequireAuthorization(Policies.Staff)
            .Produces<DispatchReceipt>(StatusCodes.Status200OK, "application/json");
        app.MapPost("/api/work-orders/{id}/dispatch/quote", QuoteAsync).WithTags("Work orders").RequireAuthorization(Policies.Staff)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
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

    private static async Task<Results<Ok<DispatchQuote>, ProblemHttpResult>> QuoteAsync(string id, DispatchQuoteRequest request, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request.TechnicianId))
        {
            throw RequestValidationException.For("technicianId", "required: the technician to price the order with");
        }

        var result = await grains.DispatchPlanner().QuoteAsync(id, request.TechnicianId);
        return result.Outcome switch
        {
            DispatchQuoteOutcome.Quoted => TypedResults.Ok(result.Quote!),
            DispatchQuoteOutcome.OrderNotFound => ApiProblems.NotFound("work order", id),
            // Like assign: the technician is a field of the body, not the resource addressed.
            DispatchQuoteOutcome.TechnicianNotFound => throw RequestValidationException.For("technicianId", $"no technician '{request.TechnicianId}'"),
            _ => ApiProblems.Conflict(result.Error!),
        };
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
