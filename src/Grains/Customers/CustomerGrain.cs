using IotService.Contracts.Customers;
using IotService.Grains.Documents;
using IotService.Storage.Catalogs;

namespace IotService.Grains.Customers;

public sealed class CustomerGrain(
    [PersistentState("customer", "customers")] IPersistentState<DocumentState<CustomerDefinition>> state,
    IDocumentCatalog catalog,
    TimeProvider time) : DocumentGrain<CustomerDefinition>(state, catalog, time), ICustomerGrain
{
    protected override string Kind => DocumentKinds.Customer;

    protected override CustomerDefinition Stamp(CustomerDefinition definition, CustomerDefinition? current, DateTimeOffset now)
        => definition with { Id = this.GetPrimaryKeyString(), UpdatedAt = now };
}
