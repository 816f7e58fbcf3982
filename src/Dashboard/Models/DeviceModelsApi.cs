using IotService.Contracts.Models;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Models;

public static class DeviceModelsApi
{
    public static IEndpointRouteBuilder MapDeviceModelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/device-models").WithTags("Device models").RequireAuthorization();
        group.MapGet("/", async (IDocumentCatalog catalog, int? limit, string? cursor, CancellationToken ct)
            => TypedResults.Ok(await DocumentLists.ListAsync<DeviceModelDefinition>(catalog, DocumentKinds.DeviceModel, limit, cursor, ct)));
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        group.MapPut("/{id}", UpdateAsync).RequireAuthorization(Policies.Admin);
        return app;
    }

    private static async Task<Results<Ok<DeviceModelDefinition>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
        => await grains.GetGrain<IDeviceModelGrain>(id).GetAsync() is { } model ? TypedResults.Ok(model) : ApiProblems.NotFound("device model", id);

    private static async Task<Created<DeviceModelDefinition>> CreateAsync(DeviceModelDefinition model, DeviceModelService service, CancellationToken ct)
    {
        var saved = await service.SaveAsync(model, mustNotExist: true, ct);
        return TypedResults.Created($"/api/device-models/{Uri.EscapeDataString(saved.Id)}", saved);
    }

    private static async Task<Results<Ok<DeviceModelDefinition>, ProblemHttpResult>> UpdateAsync(
        string id, DeviceModelDefinition model, DeviceModelService service, IGrainFactory grains, CancellationToken ct)
    {
        if (await grains.GetGrain<IDeviceModelGrain>(id).GetAsync() is null)
        {
            return ApiProblems.NotFound("device model", id);
        }

        if (model.Id is not null && model.Id != id)
        {
            throw RequestValidationException.For("id", $"the body's id '{model.Id}' is not the route's '{id}'");
        }

        return TypedResults.Ok(await service.SaveAsync(model with { Id = id }, mustNotExist: false, ct));
    }
}
