using System.Security.Claims;
using IotService.Contracts.Common;
using IotService.Contracts.Devices;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Devices;

public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/devices").WithTags("Devices").RequireAuthorization();
        group.MapPost("/", RegisterAsync).RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        return app;
    }

    private static async Task<Created<RegisteredDevice>> RegisterAsync(RegisterDeviceRequest request, DeviceRegistrar registrar, CancellationToken ct)
    {
        var device = await registrar.RegisterAsync(request, cancellationToken: ct);
        return TypedResults.Created($"/api/devices/{Uri.EscapeDataString(device.Id)}", device);
    }

    private static async Task<Ok<ListResponse<DeviceView>>> ListAsync(
        ClaimsPrincipal user, IDeviceCatalog catalog, DeviceDirectory directory,
        string? severity, string? status, string? customerId, string? modelId, int? limit, string? cursor, CancellationToken ct)
    {
        var scope = user.CustomerScope();
        if (scope is not null && customerId is not null && customerId != scope)
        {
            // Another customer's devices: an empty list, as if they did not exist.
            return TypedResults.Ok(new ListResponse<DeviceView>([], null));
        }

        var query = new DeviceQuery(
            PageQuery.EnumList<Severity>(severity, "severity"),
            PageQuery.EnumList<DeviceStatus>(status, "status"),
            scope ?? customerId,
            modelId,
            PageQuery.Limit(limit),
            cursor);
        var page = await catalog.ListAsync(query, ct);
        var items = page.Items.Select(DeviceView.From).Select(v => scope is null ? v : v.ForCustomer(directory)).ToList();
        return TypedResults.Ok(new ListResponse<DeviceView>(items, page.NextCursor));
    }

    private static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains, DeviceDirectory directory)
    {
        // The directory answers "no such device" without activating a grain for every probe.
        var snapshot = directory.TryGetDevice(id, out _) ? await grains.GetGrain<IDeviceGrain>(id).GetSnapshotAsync() : null;
        if (snapshot is null || !user.MaySee(snapshot.CustomerId))
        {
            return ApiProblems.NotFound("device", id);
        }

        var view = DeviceView.From(snapshot);
        return TypedResults.Ok(user.CustomerScope() is null ? view : view.ForCustomer(directory));
    }
}
