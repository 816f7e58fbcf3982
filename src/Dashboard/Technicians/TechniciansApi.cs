using System.Security.Claims;
using IotService.Contracts.Common;
using IotService.Contracts.Technicians;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Grains.Technicians;
using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Technicians;

public static class TechniciansApi
{
    public static IEndpointRouteBuilder MapTechniciansApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/technicians").WithTags("Technicians").RequireAuthorization();
        group.MapGet("/", async (IDocumentCatalog catalog, int? limit, string? cursor, CancellationToken ct)
            => TypedResults.Ok(await DocumentLists.ListAsync<TechnicianDefinition>(catalog, DocumentKinds.Technician, limit, cursor, ct)))
            .RequireAuthorization(Policies.Staff);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        group.MapGet("/{id}", GetAsync);
        group.MapPut("/{id}/location", (string id, GeoPoint location, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            if (!location.IsValid)
            {
                throw RequestValidationException.For("location", "lat within ±90, lon within ±180");
            }

            return UpdateAsync(id, user, () => grains.GetGrain<ITechnicianGrain>(id).MoveAsync(location));
        });
        group.MapPut("/{id}/availability", (string id, AvailabilityRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            UpdateAsync(id, user, () => grains.GetGrain<ITechnicianGrain>(id).SetAvailableAsync(request.Available)));
        return app;
    }

    private static async Task<Created<TechnicianDefinition>> CreateAsync(TechnicianDefinition technician, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        errors.Require(Ids.IsValid(technician.Id), "id", Ids.Rule);
        errors.Require(!string.IsNullOrWhiteSpace(technician.Name), "name", "required");
        foreach (var (field, message) in TechnicianChecks.Problems("", technician.Skills, technician.Location, technician.Shift, technician.VanStock, technician.WorkloadLimit))
        {
            errors.Add(field, message);
        }

        errors.Require(technician.HomeBase is null || technician.HomeBase.IsValid, "homeBase", "lat within ±90, lon within ±180");
        errors.ThrowIfAny();
        var saved = await Ids.CreateAsync(() => grains.GetGrain<ITechnicianGrain>(technician.Id).SaveAsync(technician, mustNotExist: true));
        return TypedResults.Created($"/api/technicians/{Uri.EscapeDataString(saved.Id)}", saved);
    }

    /// <summary>Staff, or the technician about themself; anyone else is told the technician does not exist.</summary>
    private static async Task<Results<Ok<TechnicianDefinition>, ProblemHttpResult>> UpdateAsync(
        string id, ClaimsPrincipal user, Func<Task<TechnicianDefinition?>> update)
    {
        var self = user.FindFirstValue(CallerExtensions.TechnicianIdClaim) == id;
        var updated = user.IsStaff() || self ? await update() : null;
        return updated is null ? ApiProblems.NotFound("technician", id) : TypedResults.Ok(updated);
    }

    private static async Task<Results<Ok<TechnicianDefinition>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var self = user.FindFirstValue(CallerExtensions.TechnicianIdClaim) == id;
        var technician = user.IsStaff() || self ? await grains.GetGrain<ITechnicianGrain>(id).GetAsync() : null;
        return technician is null ? ApiProblems.NotFound("technician", id) : TypedResults.Ok(technician);
    }
}

/// <summary>Body of <c>PUT /api/technicians/{id}/availability</c>.</summary>
public sealed record AvailabilityRequest(bool Available);
