using System.Security.Claims;
using IotService.Contracts.Devices;
using IotService.Contracts.Dispatching;
using IotService.Contracts.WorkOrders;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Grains.WorkOrders;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;
using Microsoft.Extensions.Options;

namespace IotService.Dashboard.WorkOrders;

/// <summary>
/// Work orders made by people (a dispatcher, or a customer reporting a fault) and the steps people take on them,
/// with who may take which step. The grain enforces the lifecycle and publishes every change; this enforces the roles.
/// </summary>
public sealed class WorkOrderService(
    IGrainFactory grains,
    DeviceDirectory directory,
    IOptions<WorkOrderOptions> options,
    TimeProvider time)
{
    private static readonly HashSet<string> AssignedTechnician = ["accept", "decline", "travel", "start", "complete"];

    /// <returns>The order, or null when the caller may not see the device (answer 404).</returns>
    public async Task<WorkOrder?> CreateAsync(CreateWorkOrderRequest request, ClaimsPrincipal user)
    {
        var device = directory.TryGetDevice(request.DeviceId ?? "", out _) ? await grains.GetGrain<IDeviceGrain>(request.DeviceId!).GetSnapshotAsync() : null;
        if (device is null || !user.MaySee(device.CustomerId))
        {
            return null;
        }

        var template = directory.TryGetModel(device.ModelId, out var model) ? model.Definition.WorkOrder : null;
        var errors = new ValidationErrors();
        var skill = request.Skill ?? template?.Skill;
        var level = request.Level ?? template?.Level ?? 1;
        errors.Require(!string.IsNullOrWhiteSpace(skill), "skill", "required (the device's model names no work-order skill)");
        errors.Require(level is >= 1 and <= 5, "level", "1 to 5");
        errors.Require(request.Description is null or { Length: <= 4000 }, "description", "at most 4000 characters");
        errors.ThrowIfAny();

        var customer = user.CustomerScope() is not null;
        var now = time.GetUtcNow();
        var order = new WorkOrder(
            RecordIds.New(now),
            request.Type ?? WorkOrderTemplates.Type(template),
            WorkOrderState.New,
            request.Priority ?? WorkOrderTemplates.Priority(template, WorkOrderPriority.Normal),
            customer ? WorkOrderSource.Customer : WorkOrderSource.Manual,
            device.Id,
            skill!,
            level,
            now,
            user.Actor(),
            [],
            now)
        {
            CustomerId = device.CustomerId,
            ModelId = device.ModelId,
            Description = request.Description,
            Location = device.Location,
        };
        return await grains.GetGrain<IWorkOrderGrain>(order.Id).CreateAsync(order);
    }

    public async Task<WorkOrderCommandResult> ApplyAsync(string id, string action, WorkOrderActionRequest? request, ClaimsPrincipal user)
    {
        var grain = grains.GetGrain<IWorkOrderGrain>(id);
        var order = await grain.GetAsync();
        if (order is null || !user.MaySee(order.CustomerId) || !user.MayWork(order.TechnicianId))
        {
            return new WorkOrderCommandResult(WorkOrderCommandOutcome.NotFound, null, $"No work order '{id}'.");
        }

        if (!WorkOrderLifecycle.Actions.Contains(action))
        {
            throw RequestValidationException.For("action", $"'{action}' is not one of {string.Join(", ", WorkOrderLifecycle.Actions)}");
        }

        if (!MayTake(user, action))
        {
            throw new ForbiddenException($"A {Role(user)} may not '{action}' a work order.");
        }

        request ??= new WorkOrderActionRequest();
        var command = new WorkOrderCommand(
            action,
            user.Actor(),
            request.TechnicianId,
            request.Note,
            action == "complete" ? WorkOrderCharges.Completion(request, options.Value) : null,
            request.Rating,
            request.Comment);
        if (action == "assign" && (string.IsNullOrWhiteSpace(request.TechnicianId) || await grains.GetGrain<Contracts.Technicians.ITechnicianGrain>(request.TechnicianId).GetAsync() is null))
        {
            throw RequestValidationException.For("technicianId", $"no technician '{request.TechnicianId}'");
        }

        // By hand: priced against the solver's plan and recorded on the receipt, between dispatch rounds.
        return action == "assign" ? await grains.DispatchRound().AssignByHandAsync(id, command) : await grain.ApplyAsync(command);
    }

    private static bool MayTake(ClaimsPrincipal user, string action) =>
        user.IsStaff()
        || (AssignedTechnician.Contains(action) && user.IsInRole(Roles.Technician))
        || (action == "rate" && user.IsInRole(Roles.Customer));

    private static string Role(ClaimsPrincipal user) =>
        new[] { Roles.Admin, Roles.Dispatcher, Roles.Technician, Roles.Customer }.FirstOrDefault(user.IsInRole) ?? "caller";
}
