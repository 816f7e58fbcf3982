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

    /// <summary>
    /// <c>GET /api/devices?search=&amp;severity=&amp;status=&amp;customerId=&amp;modelId=&amp;sort=id|worst&amp;count=true&amp;limit=&amp;cursor=</c>:
    /// one indexed catalog query, never a grain call. Severity, status, customer and model take comma lists.
    /// </summary>
    private static async Task<Ok<DeviceListResponse>> ListAsync(
        ClaimsPrincipal user, IDeviceCatalog catalog, DeviceDirectory directory,
        string? search, string? severity, string? status, string? customerId, string? modelId, string? sort, bool? count,
        int? limit, string? cursor, CancellationToken ct)
    {
        var query = new DeviceQuery(
            PageQuery.EnumList<Severity>(severity, "severity"),
            PageQuery.EnumList<DeviceStatus>(status, "status"),
            // A customer sees only its own: asking for another's finds nothing, as if it did not exist.
            CustomerId: user.CustomerScope(),
            Limit: PageQuery.Limit(limit),
            Cursor: cursor)
        {
            CustomerIds = DeviceListParameters.Ids(customerId, "customerId"),
            ModelIds = DeviceListParameters.Ids(modelId, "modelId"),
            Search = DeviceListParameters.Search(search),
            Sort = DeviceListParameters.Sort(sort),
        };
        var page = await catalog.ListAsync(query, ct);
        long? total = count == true ? await catalog.CountAsync(query, ct) : null;
        var customer = query.CustomerId is not null;
        var items = page.Items.Select(s => DeviceView.From(s, directory)).Select(v => customer ? v.ForCustomer(directory) : v).ToList();
        return TypedResults.Ok(new DeviceListResponse(items, page.NextCursor, total));
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

        var view = DeviceView.From(snapshot, directory);
        return TypedResults.Ok(user.CustomerScope() is null ? view : view.ForCustomer(directory));
    }
}
