using System.Security.Claims;
using IotService.Contracts.Customers;
using IotService.Contracts.Devices;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;
using IotService.Dashboard.Devices;
using IotService.Ingest.Directory;
using IotService.Storage.Catalogs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IotService.Dashboard.Customers;

public static class CustomersApi
{
    public sealed record ActivateRequest(string ActivationCode);

    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/customers").WithTags("Customers").RequireAuthorization();
        group.MapGet("/", async (IDocumentCatalog catalog, int? limit, string? cursor, CancellationToken ct)
            => TypedResults.Ok(await DocumentLists.ListAsync<CustomerDefinition>(catalog, DocumentKinds.Customer, limit, cursor, ct)))
            .RequireAuthorization(Policies.Staff);
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/me/devices/activate", ActivateAsync).RequireAuthorization(p => p.RequireRole(Roles.Customer));
        return app;
    }

    private static async Task<Created<CustomerDefinition>> CreateAsync(CustomerDefinition customer, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        errors.Require(Ids.IsValid(customer.Id), "id", Ids.Rule);
        errors.Require(!string.IsNullOrWhiteSpace(customer.Name), "name", "required");
        errors.Require(Enum.IsDefined(customer.Tier), "tier", "strategic, core or standard");
        errors.ThrowIfAny();
        var saved = await Ids.CreateAsync(() => grains.GetGrain<ICustomerGrain>(customer.Id).SaveAsync(customer, mustNotExist: true));
        return TypedResults.Created($"/api/customers/{Uri.EscapeDataString(saved.Id)}", saved);
    }

    private static async Task<Results<Ok<CustomerDefinition>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var customer = user.IsStaff() || user.MaySee(id) && user.CustomerScope() is not null
            ? await grains.GetGrain<ICustomerGrain>(id).GetAsync()
            : null;
        return customer is null ? ApiProblems.NotFound("customer", id) : TypedResults.Ok(customer);
    }

    /// <summary>A customer claims a device with the code printed on it (the QR code encodes the link).</summary>
    private static async Task<Results<Ok<DeviceView>, ProblemHttpResult>> ActivateAsync(
        ActivateRequest request, ClaimsPrincipal user, IDeviceCatalog catalog, IGrainFactory grains, DeviceDirectory directory, DirectoryWriter directoryWriter, CancellationToken ct)
    {
        var customerId = user.CustomerScope()!;
        var code = (request.ActivationCode ?? "").Trim().ToUpperInvariant();
        var summary = code.Length == 0 ? null : await catalog.FindByActivationCodeAsync(code, ct);
        if (summary is null)
        {
            return ApiProblems.NotFound("device with activation code", code);
        }

        if (summary.CustomerId is not null && summary.CustomerId != customerId)
        {
            return ApiProblems.Conflict("This device belongs to another customer.");
        }

        var snapshot = await grains.GetGrain<IDeviceGrain>(summary.Id).AssignCustomerAsync(customerId);
        directoryWriter.Upsert(new DeviceEntry(summary.Id, summary.ModelId, customerId, summary.SecretHash));
        return TypedResults.Ok(DeviceView.From(snapshot).ForCustomer(directory));
    }
}
