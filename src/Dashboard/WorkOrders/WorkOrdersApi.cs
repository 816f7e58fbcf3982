using System.Security.Claims;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Api;
using IotService.Dashboard.Api.Bounds;
using IotService.Dashboard.Auth;
using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.WorkOrders;

/// <summary>
/// <c>/api/work-orders</c>: lists from the work-order catalog (newest first) and single orders. A customer sees its
/// own orders, a technician those assigned to it (SPEC §5); anything else answers as if it did not exist.
/// </summary>
public static class WorkOrdersApi
{
    public static IEndpointRouteBuilder MapWorkOrdersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/work-orders").WithTags("Work orders").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        // Technicians work the orders they are given; they do not raise them (a customer reports faults on its own devices).
        group.MapPost("/", CreateAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Dispatcher, Roles.Customer));
        group.MapPost("/{id}/{action}", ApplyAsync);
        return app;
    }

    private static async Task<Ok<ListResponse<WorkOrder>>> ListAsync(
        ClaimsPrincipal user, IWorkOrderCatalog catalog,
        string? state, string? technicianId, string? deviceId, string? customerId, string? alarmId, int? limit, string? cursor, CancellationToken ct)
    {
        var customerScope = user.CustomerScope();
        var technicianScope = user.TechnicianScope();
        if ((customerScope is not null && customerId is not null && customerId != customerScope)
            || (technicianScope is not null && technicianId is not null && technicianId != technicianScope))
        {
            return TypedResults.Ok(new ListResponse<WorkOrder>([], null));
        }

        var query = new WorkOrderQuery(
            PageQuery.EnumList<WorkOrderState>(state, "state"),
            technicianScope ?? technicianId,
            deviceId,
            customerScope ?? customerId,
            alarmId,
            PageQuery.Limit(limit),
            cursor);
        var page = await catalog.ListAsync(query, ct);
        return TypedResults.Ok(new ListResponse<WorkOrder>(customerScope is null ? page.Items : WorkOrderVisibility.ForCustomer(page.Items), page.NextCursor));
    }

    private static async Task<Results<Created<WorkOrder>, ProblemHttpResult>> CreateAsync(
        CreateWorkOrderRequest request, ClaimsPrincipal user, WorkOrderService service)
    {
        var order = await service.CreateAsync(request, user);
        return order is null
            ? ApiProblems.NotFound("device", request.DeviceId)
            : TypedResults.Created($"/api/work-orders/{order.Id}", ViewFor(user, order));
    }

    private static async Task<Results<Ok<WorkOrder>, ProblemHttpResult>> ApplyAsync(
        string id, string action, ClaimsPrincipal user, WorkOrderService service, HttpRequest http)
    {
        // The body is optional: most steps need none. Read here rather than bound, so the bounds are checked by hand.
        WorkOrderActionRequest? request = null;
        if (http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0)
        {
            if (!http.HasJsonContentType())
            {
                return TypedResults.Problem(BadRequestProblems.UnsupportedMediaType());
            }

            try
            {
                request = await http.ReadFromJsonAsync<WorkOrderActionRequest>();
            }
            catch (System.Text.Json.JsonException bad)
            {
                throw RequestValidationException.For(bad.Path is { Length: > 0 } path ? path : "body", "not valid JSON for this step");
            }

            RequestBounds.Check(request);
        }

        var result = await service.ApplyAsync(id, action, request, user);
        return result.Outcome switch
        {
            WorkOrderCommandOutcome.Done => TypedResults.Ok(ViewFor(user, result.Order!)),
            WorkOrderCommandOutcome.Conflict => ApiProblems.Conflict(result.Error!),
            _ => ApiProblems.NotFound("work order", id),
        };
    }

    private static async Task<Results<Ok<WorkOrder>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var order = await grains.GetGrain<IWorkOrderGrain>(id).GetAsync();
        if (order is null || !user.MaySee(order.CustomerId) || !user.MayWork(order.TechnicianId))
        {
            return ApiProblems.NotFound("work order", id);
        }

        return TypedResults.Ok(ViewFor(user, order));
    }

    private static WorkOrder ViewFor(ClaimsPrincipal user, WorkOrder order)
        => user.CustomerScope() is null ? order : WorkOrderVisibility.ForCustomer(order);
}
