using IotService.Contracts.Customers;
using IotService.Contracts.Technicians;
using IotService.Dashboard.Api;
using IotService.Dashboard.Auth;

namespace IotService.Dashboard.Users;

/// <summary>
/// A role and the records it links: a technician account belongs to an existing technician, a customer account to an
/// existing customer, and staff accounts to neither (a stray link would widen what <see cref="CallerExtensions"/> lets through).
/// </summary>
public sealed class UserLinks(IGrainFactory grains)
{
    public async Task CheckAsync(ValidationErrors errors, string? role, string? customerId, string? technicianId)
    {
        if (role is null || !Roles.All.Contains(role, StringComparer.Ordinal))
        {
            errors.Add("role", string.Join(", ", Roles.All));
            return;
        }

        var needsCustomer = role == Roles.Customer;
        var needsTechnician = role == Roles.Technician;
        errors.Require(needsCustomer || customerId is null, "customerId", "only customer accounts link a customer");
        errors.Require(needsTechnician || technicianId is null, "technicianId", "only technician accounts link a technician");
        if (needsCustomer)
        {
            await RequireAsync(errors, "customerId", customerId, "customer", async id => await grains.GetGrain<ICustomerGrain>(id).GetAsync() is not null);
        }

        if (needsTechnician)
        {
            await RequireAsync(errors, "technicianId", technicianId, "technician", async id => await grains.GetGrain<ITechnicianGrain>(id).GetAsync() is not null);
        }
    }

    private static async Task RequireAsync(ValidationErrors errors, string field, string? id, string what, Func<string, Task<bool>> exists)
    {
        if (string.IsNullOrEmpty(id))
        {
            errors.Add(field, $"a {what} account links an existing {what}");
        }
        else if (!Ids.IsValid(id) || !await exists(id))
        {
            errors.Add(field, $"no {what} '{id}'");
        }
    }
}
